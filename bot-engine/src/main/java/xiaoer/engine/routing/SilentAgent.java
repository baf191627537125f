package xiaoer.engine.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * A conversation whose agent has not answered the shopper in time: flagged for the lead, who may reassign it.
 *
 * @param conversationId the conversation
 * @param agentId        the silent agent
 * @param waitingSince   since when the shopper waits for an answer from this agent
 * @param silentFor      how long so far
 */
public record SilentAgent(String conversationId, String agentId, Instant waitingSince, Duration silentFor) {
}
