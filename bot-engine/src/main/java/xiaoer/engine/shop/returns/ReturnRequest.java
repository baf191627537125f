package xiaoer.engine.shop.returns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A return or exchange of one order. Immutable: {@link #moveTo} returns the next version.
 *
 * @param needsPerson  true when the no-reason rule does not cover it (window passed, excluded category): a person
 *                     decides before approving
 * @param personReason why a person decides ({@link ReturnEligibility.Reason} name), or null
 * @param steps        every state it has been in, the first being REQUESTED
 * @param version      for optimistic updates: the stored version this one was read at
 */
public record ReturnRequest(String id, String shop, String orderNo, ReturnKind kind, String reason,
                            boolean needsPerson, String personReason, List<ReturnStep> steps, int version) {

    public ReturnRequest {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) throw new IllegalArgumentException("a return has at least its REQUESTED step");
    }

    public ReturnState state() {
        return steps.get(steps.size() - 1).state();
    }

    public Instant requestedAt() {
        return steps.get(0).at();
    }

    public Instant updatedAt() {
        return steps.get(steps.size() - 1).at();
    }

    /** @throws IllegalTransitionException when {@code to} may not follow the current state */
    public ReturnRequest moveTo(ReturnState to, String actor, Instant at, String note) {
        if (!state().next().contains(to)) throw new IllegalTransitionException(id, state(), to);
        List<ReturnStep> next = new ArrayList<>(steps);
        next.add(new ReturnStep(to, actor, at, note));
        return new ReturnRequest(id, shop, orderNo, kind, reason, needsPerson, personReason, next, version);
    }
}
