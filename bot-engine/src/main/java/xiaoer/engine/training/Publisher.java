package xiaoer.engine.training;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import xiaoer.kb.Script;

/**
 * Turns the draft into numbered releases through the gates, rolls back, approves and compares versions.
 * A release and its audit entry are stored and the live base swapped in one transaction: if the live swap fails the
 * release is not stored either.
 */
public final class Publisher {

    /** A version name for {@link #scripts(String)} and {@link #compare}: the draft, or a release number. */
    public static final String DRAFT = "draft";
    private static final int MAX_NOTE = 500;

    private final DraftStore draft;
    private final ReleaseStore releases;
    private final AuditLog audit;
    private final TrainingTransactions tx;
    private final ScriptChecks checks;
    private final RegressionCases cases;
    private final TrainingSettings settings;
    private final Consumer<Release> live;
    private final Clock clock;

    /** @param live makes a stored release live (the app: {@code kb.publish(release.scripts())}, plus other nodes) */
    public Publisher(DraftStore draft, ReleaseStore releases, AuditLog audit, TrainingTransactions tx,
                     ScriptChecks checks, RegressionCases cases, TrainingSettings settings, Consumer<Release> live,
                     Clock clock) {
        this.draft = draft;
        this.releases = releases;
        this.audit = audit;
        this.tx = tx;
        this.checks = checks;
        this.cases = cases;
        this.settings = settings;
        this.live = live;
        this.clock = clock;
    }

    /** Runs every gate on the draft as it is now; changes nothing. */
    public PublishCheck check() {
        DraftState state = draft.state();
        List<Script> scripts = draft.all().stream().map(DraftScript::script).toList();
        List<ScriptProblem> problems = checks.checkAll(scripts);
        List<CaseResult> results = cases.runAll();
        ScriptDiff changes = ScriptDiff.between(releases.latest().map(Release::scripts).orElse(List.of()), scripts);
        List<String> blockers = new ArrayList<>();
        if (scripts.isEmpty()) blockers.add("草稿是空的 · the draft has no scripts");
        if (!problems.isEmpty()) {
            blockers.add(problems.size() + " 处话术问题(规范检查或话术规则)· script problem(s): lint or script rules");
        }
        long failed = results.stream().filter(r -> !r.pass()).count();
        if (failed > 0) blockers.add(failed + " 个回归用例未通过 · regression case(s) failing against the draft");
        if (changes.empty()) blockers.add("没有未发布的修改 · nothing changed since the latest release");
        if (settings.requireApproval() && !state.approved()) {
            blockers.add("需要组长或管理员审批 · a lead or admin must approve this draft first");
        }
        return new PublishCheck(state.revision(), scripts.size(), problems, results, settings.requireApproval(),
                state.approved(), state.approved() ? state.approvedBy() : null, changes, blockers);
    }

    /** Publishes the draft as the next release when every gate passes; otherwise {@link PublishBlockedException}. */
    public Release publish(String note, String actor) {
        String n = note(note);
        return tx.inTransaction(() -> {
            PublishCheck check = check();
            if (!check.ready()) throw new PublishBlockedException(check);
            DraftState state = draft.state();
            if (state.revision() != check.draftRevision()) {
                throw TrainingException.conflict("the draft changed while it was being checked; try again");
            }
            List<Script> scripts = draft.all().stream().map(DraftScript::script).toList();
            Release r = new Release(nextNumber(), n, clock.instant(), actor, check.approvedBy(), null, scripts);
            releases.addRelease(r);
            ScriptDiff d = check.changes();
            audit.record(actor, AuditActions.RELEASE_PUBLISH, "release " + r.number(), "«" + n + "» +"
                    + d.added().size() + " added, " + d.changed().size() + " changed, " + d.removed().size()
                    + " removed; " + check.cases().size() + " cases passed", clock.instant());
            live.accept(r);
            return r;
        });
    }

    /**
     * Publishes an older release's content as a new release and resets the draft to it (unpublished draft changes
     * are dropped; they were never live). The regression gate is skipped on purpose: a rollback is the way out when
     * a release misbehaves, and cases written for newer scripts would block it. The lint still applies.
     *
     * @param mayApprove whether the actor is a lead or admin (needed while approval is required)
     */
    public Release rollback(int number, String note, String actor, boolean mayApprove) {
        if (settings.requireApproval() && !mayApprove) {
            throw new TrainingException("forbidden", "while approval is required only a lead or admin may roll back");
        }
        return tx.inTransaction(() -> {
            Release old = releases.release(number).orElseThrow(() -> TrainingException.notFound("release " + number));
            List<ScriptProblem> problems = checks.checkAll(old.scripts());
            if (!problems.isEmpty()) {
                throw new PublishBlockedException(new PublishCheck(draft.state().revision(), old.scripts().size(),
                        problems, List.of(), settings.requireApproval(), false, null,
                        new ScriptDiff(List.of(), List.of(), List.of()),
                        List.of("发布 #" + number + " 有不符合当前规范的话术 · release " + number
                                + " breaks the current lint")));
            }
            draft.replaceAll(old.scripts(), actor, clock.instant());
            String n = "回滚到 #" + number + (note == null || note.isBlank() ? "" : ":" + note(note));
            Release r = new Release(nextNumber(), n, clock.instant(), actor,
                    settings.requireApproval() ? actor : null, number, old.scripts());
            releases.addRelease(r);
            audit.record(actor, AuditActions.RELEASE_ROLLBACK, "release " + r.number(),
                    "content of release " + number + " republished; draft reset to it", clock.instant());
            live.accept(r);
            return r;
        });
    }

    /** A lead or admin approves the draft's current revision; any later change withdraws the approval. */
    public DraftState approve(String actor, boolean mayApprove) {
        if (!mayApprove) throw new TrainingException("forbidden", "only a lead or admin may approve");
        return tx.inTransaction(() -> {
            DraftState state = draft.state();
            draft.approve(state.revision(), actor, clock.instant());
            audit.record(actor, AuditActions.DRAFT_APPROVE, "draft", "revision " + state.revision() + " approved",
                    clock.instant());
            return draft.state();
        });
    }

    public DraftState draftState() {
        return draft.state();
    }

    public List<ReleaseSummary> releases() {
        return releases.releases();
    }

    public Release release(int number) {
        return releases.release(number).orElseThrow(() -> TrainingException.notFound("release " + number));
    }

    /** The scripts of {@code version}: {@value #DRAFT} or a release number. */
    public List<Script> scripts(String version) {
        if (version == null || version.isBlank() || DRAFT.equals(version)) {
            return draft.all().stream().map(DraftScript::script).toList();
        }
        if ("latest".equals(version)) return releases.latest().map(Release::scripts).orElse(List.of());
        try {
            return release(Integer.parseInt(version.strip())).scripts();
        } catch (NumberFormatException e) {
            throw new TrainingException("invalid", "a version is 'draft', 'latest' or a release number");
        }
    }

    /** What changes from version {@code from} to version {@code to}. */
    public ScriptDiff compare(String from, String to) {
        return ScriptDiff.between(scripts(from), scripts(to));
    }

    private int nextNumber() {
        return releases.latest().map(r -> r.number() + 1).orElse(1);
    }

    private static String note(String note) {
        String n = note == null ? "" : note.strip();
        if (n.isEmpty()) throw new TrainingException("invalid", "a release needs a note saying what changed");
        if (n.length() > MAX_NOTE) throw new TrainingException("invalid", "the note is longer than " + MAX_NOTE + " characters");
        return n;
    }
}
