package xiaoer.engine.routing;

/** Thrown by {@link Outcome#orThrow()} for callers that prefer exceptions; carries the refusal. */
public class RefusedException extends RuntimeException {

    private final transient Refusal refusal;

    public RefusedException(Refusal refusal) {
        super(refusal.code() + ": " + refusal.message());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    public String code() {
        return refusal.code();
    }
}
