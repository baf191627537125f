package xiaoer.engine.chat;

import xiaoer.engine.routing.Refusal;
import xiaoer.engine.text.ServiceTexts;

/**
 * A routing or seat rule refused what an agent asked (at capacity, wrong group, too many away, ...): the refusal's
 * stable code, and a message in Chinese then English for the console to show as it is.
 */
public class RoutingRefusedException extends ChatException {

    private static final ServiceTexts TEXTS = ServiceTexts.load(Reception.ROUTING_TEXTS);

    private final transient Refusal refusal;

    public RoutingRefusedException(Refusal refusal) {
        super(refusal.code(), describe(refusal));
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The Chinese text of a refusal with its placeholders filled, then the English one. */
    public static String describe(Refusal refusal) {
        try {
            return TEXTS.get(refusal.messageKey(), refusal.args()) + " · " + refusal.message();
        } catch (IllegalArgumentException missing) {
            return refusal.message();
        }
    }
}
