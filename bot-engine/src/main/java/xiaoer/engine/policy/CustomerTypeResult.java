package xiaoer.engine.policy;

import java.util.List;
import java.util.Map;

/**
 * What the detector concluded from a conversation.
 *
 * @param type   the detected type's wire value ({@code bargain|skeptic|cautious|urgent|angry}), or null for none
 * @param score  the detected type's score (sum of decayed cue weights); 0 when none
 * @param cues   the cues that led to {@code type}, oldest message first; empty when none
 * @param scores every type's score, also those below their threshold (for explain and tuning)
 */
public record CustomerTypeResult(String type, double score, List<CustomerTypeCue> cues, Map<String, Double> scores) {

    public CustomerTypeResult {
        cues = List.copyOf(cues);
        scores = Map.copyOf(scores);
    }

    static CustomerTypeResult none(Map<String, Double> scores) {
        return new CustomerTypeResult(null, 0, List.of(), scores);
    }

    public boolean detected() {
        return type != null;
    }

    /** The score mapped to [0, 1): 0.5 at the type's threshold, towards 1 as the cues pile up. */
    public double confidence(double threshold) {
        return score <= 0 ? 0 : score / (score + threshold);
    }
}
