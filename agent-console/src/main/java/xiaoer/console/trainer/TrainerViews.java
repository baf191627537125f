package xiaoer.console.trainer;

import java.util.List;
import xiaoer.console.web.FindingView;
import xiaoer.engine.training.CaseResult;
import xiaoer.engine.training.DraftState;
import xiaoer.engine.training.ImportPlan;
import xiaoer.engine.training.PublishCheck;
import xiaoer.engine.training.ReleaseSummary;
import xiaoer.engine.training.ScriptChange;
import xiaoer.engine.training.ScriptDiff;
import xiaoer.engine.training.ScriptProblem;
import xiaoer.kb.io.LineError;

/** The workspace's JSON shapes where the rules' records need derived fields spelled out. */
final class TrainerViews {

    private TrainerViews() {
    }

    record ProblemView(String scriptId, String field, String message, List<FindingView> findings) {
        static List<ProblemView> all(List<ScriptProblem> problems) {
            return problems.stream().map(p -> new ProblemView(p.scriptId(), p.field(), p.message(),
                    FindingView.all(p.findings()))).toList();
        }
    }

    record DiffView(boolean empty, List<String> added, List<String> removed, List<ScriptChange> changed) {
        static DiffView of(ScriptDiff d) {
            return new DiffView(d.empty(), d.added(), d.removed(), d.changed());
        }
    }

    record CaseResultView(long id, String text, String lang, String expectedScriptId, boolean pass, String decision,
                          String scriptId, double score, String topScriptId) {
        static CaseResultView of(CaseResult r) {
            return new CaseResultView(r.regressionCase().id(), r.regressionCase().text(), r.regressionCase().lang(),
                    r.regressionCase().expectedScriptId(), r.pass(), r.decision(), r.scriptId(), r.score(),
                    r.topScriptId());
        }
    }

    record CaseRunView(int total, long passed, long failed, List<CaseResultView> results) {
        static CaseRunView of(List<CaseResult> results) {
            long passed = results.stream().filter(CaseResult::pass).count();
            return new CaseRunView(results.size(), passed, results.size() - passed,
                    results.stream().map(CaseResultView::of).toList());
        }
    }

    record PublishCheckView(boolean ready, List<String> blockers, long draftRevision, int scriptCount,
                            List<ProblemView> problems, CaseRunView cases, boolean approvalRequired, boolean approved,
                            String approvedBy, DiffView changes) {
        static PublishCheckView of(PublishCheck c) {
            return new PublishCheckView(c.ready(), c.blockers(), c.draftRevision(), c.scriptCount(),
                    ProblemView.all(c.problems()), CaseRunView.of(c.cases()), c.approvalRequired(), c.approved(),
                    c.approvedBy(), DiffView.of(c.changes()));
        }
    }

    record DraftStatusView(long revision, boolean approved, String approvedBy, boolean requireApproval,
                           ReleaseSummary latestRelease, DiffView unpublished) {
        static DraftStatusView of(DraftState s, boolean requireApproval, ReleaseSummary latest, ScriptDiff unpublished) {
            return new DraftStatusView(s.revision(), s.approved(), s.approved() ? s.approvedBy() : null,
                    requireApproval, latest, DiffView.of(unpublished));
        }
    }

    record ImportPlanView(boolean ok, String format, String mode, int scriptCount, List<LineError> errors,
                          List<ProblemView> problems, DiffView changes, long draftRevision) {
        static ImportPlanView of(ImportPlan p) {
            return new ImportPlanView(p.ok(), p.format(), p.mode(), p.scriptCount(), p.errors(),
                    ProblemView.all(p.problems()), DiffView.of(p.changes()), p.draftRevision());
        }
    }
}
