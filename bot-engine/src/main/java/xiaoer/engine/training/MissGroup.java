package xiaoer.engine.training;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Similar missed questions together.
 *
 * @param question          the group's first (most recent) question, standing for the rest
 * @param keys              every miss in the group (to handle them all at once)
 * @param count             how many misses the group holds
 * @param kinds             count per miss kind
 * @param misses            the misses, most recent first (at most a handful)
 * @param agentReplies      distinct replies people gave after the hand-offs (a new script's answer starts here)
 * @param suggestedScriptId the draft's best candidate for the question (a phrasing may belong there), or null
 */
public record MissGroup(String key, String question, List<String> keys, int count, Map<String, Integer> kinds, List<Miss> misses,
                        List<String> agentReplies, Instant lastAt, String suggestedScriptId, double suggestedScore) {
}
