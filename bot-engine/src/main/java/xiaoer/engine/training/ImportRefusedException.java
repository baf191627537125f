package xiaoer.engine.training;

/** An import with errors or problems was not applied; {@link #plan()} lists them. */
public class ImportRefusedException extends TrainingException {

    private final ImportPlan plan;

    public ImportRefusedException(ImportPlan plan) {
        super("import_refused", plan.errors().size() + " error(s) and " + plan.problems().size()
                + " problem(s) in the file; nothing was imported");
        this.plan = plan;
    }

    public ImportPlan plan() {
        return plan;
    }
}
