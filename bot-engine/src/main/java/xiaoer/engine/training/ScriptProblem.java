package xiaoer.engine.training;

import java.util.List;
import xiaoer.kb.LintFinding;

/**
 * Why a script may not be saved or published.
 *
 * @param scriptId the script (for checks over the whole draft)
 * @param field    answer, variants.angry, quickReplies[0].label, facts, questions, ... or "script"
 * @param message  a sentence for people
 * @param findings the lint's findings on that field's text (empty for a rule that is not the lint's)
 */
public record ScriptProblem(String scriptId, String field, String message, List<LintFinding> findings) {

    public ScriptProblem {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public boolean lint() {
        return !findings.isEmpty();
    }
}
