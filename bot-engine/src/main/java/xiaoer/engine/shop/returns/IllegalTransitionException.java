package xiaoer.engine.shop.returns;

import xiaoer.engine.shop.ShopRuleException;

/** A return asked to move to a state that may not follow its current one. */
public class IllegalTransitionException extends ShopRuleException {

    private final ReturnState from;
    private final ReturnState to;

    public IllegalTransitionException(String returnId, ReturnState from, ReturnState to) {
        super("illegal_transition", "return " + returnId + " is " + from + " and cannot move to " + to
                + (from.isFinal() ? " (it is finished)" : " (allowed next: " + from.next() + ")"));
        this.from = from;
        this.to = to;
    }

    public ReturnState from() {
        return from;
    }

    public ReturnState to() {
        return to;
    }
}
