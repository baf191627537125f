package xiaoer.engine.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * A conversation given to an agent. The engine then moves the conversation to the agent (QUEUED → AGENT) and tells
 * the shopper who joined.
 *
 * @param entry      the queue entry it came from (skill, priority, first queued time)
 * @param agentId    the owner now
 * @param agentName  the name the shopper sees
 * @param how        automatic routing, a pick by the agent, a transfer, a reassignment or a resume after a restart
 * @param assignedAt when
 */
public record Assignment(QueueEntry entry, String agentId, String agentName, How how, Instant assignedAt) {

    public enum How {
        /** The router chose the agent. */
        ROUTED,
        /** The agent picked it from the queue. */
        PICKED,
        /** Another agent transferred it. */
        TRANSFERRED,
        /** The lead moved it away from a silent agent. */
        REASSIGNED,
        /** The agent had it before this router started (a restart) and came back. */
        RESUMED
    }

    public String conversationId() {
        return entry.conversationId();
    }

    /** How long the shopper waited since first asking for a person. */
    public Duration waited() {
        return Duration.between(entry.queuedAt(), assignedAt);
    }
}
