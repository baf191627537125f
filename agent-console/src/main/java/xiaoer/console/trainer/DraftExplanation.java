package xiaoer.console.trainer;

import com.fasterxml.jackson.annotation.JsonInclude;
import xiaoer.kb.Thresholds;

/**
 * The explain box's answer: the bot's whole decision (the explain contract) plus what a trainer needs to read it.
 *
 * @param target     draft (the trainer's unpublished changes) or live
 * @param variant    the customer-type variant whose wording was used, or null for the plain answer
 * @param thresholds the thresholds the decision was measured against
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DraftExplanation(String target, Explanation explanation, String variant, ThresholdsView thresholds) {

    /** answer when score ≥ answer and the lead over the second ≥ margin; suggest when ≥ suggest; else hand off. */
    public record ThresholdsView(double answer, double margin, double suggest) {
        static ThresholdsView of(Thresholds t) {
            return new ThresholdsView(t.answer(), t.margin(), t.suggest());
        }
    }
}
