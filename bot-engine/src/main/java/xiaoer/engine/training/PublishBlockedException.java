package xiaoer.engine.training;

/** Publishing was refused by a gate; {@link #check()} says which and why. Nothing changed. */
public class PublishBlockedException extends TrainingException {

    private final PublishCheck check;

    public PublishBlockedException(PublishCheck check) {
        super("blocked", String.join("; ", check.blockers()));
        this.check = check;
    }

    public PublishCheck check() {
        return check;
    }
}
