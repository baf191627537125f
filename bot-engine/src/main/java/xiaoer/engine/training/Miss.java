package xiaoer.engine.training;

import java.time.Instant;

/**
 * A shopper's message the bot did not answer well.
 *
 * @param key        stable id: conversation id and the shopper message's seq
 * @param kind       handoff (nothing fit), suggest (unsure: "您是想问…"), suggest_ignored (the shopper wrote something
 *                   else instead of pressing a suggestion)
 * @param agentReply the first thing a person answered after the hand-off (null when none yet)
 */
public record Miss(String key, String conversationId, Instant at, String kind, String question, double score,
                   String handoffReason, String agentReply) {

    public static final String HANDOFF = "handoff";
    public static final String SUGGEST = "suggest";
    public static final String SUGGEST_IGNORED = "suggest_ignored";
}
