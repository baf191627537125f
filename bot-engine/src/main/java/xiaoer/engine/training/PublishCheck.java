package xiaoer.engine.training;

import java.util.List;

/**
 * The publish gates for the draft as it is now.
 *
 * @param problems        every script rule or lint problem in the draft (must be empty)
 * @param cases           every regression case run against the draft (all must pass)
 * @param approvalRequired whether a lead or admin must approve first (setting {@code xiaoer.trainer.require-approval})
 * @param approved        whether the draft's current revision is approved
 * @param changes         what publishing would change against the latest release (must not be empty)
 * @param blockers        why it may not be published, for people; empty when {@link #ready()}
 */
public record PublishCheck(long draftRevision, int scriptCount, List<ScriptProblem> problems, List<CaseResult> cases,
                           boolean approvalRequired, boolean approved, String approvedBy, ScriptDiff changes,
                           List<String> blockers) {

    public boolean ready() {
        return blockers.isEmpty();
    }

    public long failedCases() {
        return cases.stream().filter(c -> !c.pass()).count();
    }
}
