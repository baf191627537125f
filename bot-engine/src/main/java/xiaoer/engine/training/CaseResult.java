package xiaoer.engine.training;

/**
 * One regression case run against the draft.
 *
 * @param decision  answer, suggest or handoff
 * @param scriptId  the script the draft answered with (null unless answered)
 * @param score     the best candidate's confidence
 * @param topScriptId the best candidate whatever the decision (helps to see a near miss)
 */
public record CaseResult(RegressionCase regressionCase, boolean pass, String decision, String scriptId, double score,
                         String topScriptId) {
}
