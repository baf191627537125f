package xiaoer.engine.training;

/** The audit log's action codes. */
public final class AuditActions {

    public static final String SCRIPT_CREATE = "script.create";
    public static final String SCRIPT_SAVE = "script.save";
    public static final String SCRIPT_DELETE = "script.delete";
    public static final String PHRASING_ADD = "script.phrasing_add";
    public static final String CASE_ADD = "case.add";
    public static final String CASE_DELETE = "case.delete";
    public static final String DRAFT_APPROVE = "draft.approve";
    public static final String DRAFT_IMPORT = "draft.import";
    public static final String RELEASE_PUBLISH = "release.publish";
    public static final String RELEASE_ROLLBACK = "release.rollback";
    public static final String RELEASE_SEED = "release.seed";
    public static final String MISS_DISMISS = "miss.dismiss";

    private AuditActions() {
    }
}
