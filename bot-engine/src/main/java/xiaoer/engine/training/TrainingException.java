package xiaoer.engine.training;

/**
 * A trainer's request the rules refuse.
 *
 * @see #code() not_found, conflict, invalid, forbidden, empty_draft
 */
public class TrainingException extends RuntimeException {

    private final String code;

    public TrainingException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static TrainingException notFound(String what) {
        return new TrainingException("not_found", what + " not found");
    }

    public static TrainingException conflict(String message) {
        return new TrainingException("conflict", message);
    }
}
