package xiaoer.engine.routing;

import java.time.Instant;
import java.util.Objects;

/**
 * A conversation waiting for a person, with what routing needs to know about it.
 *
 * @param conversationId      the engine's conversation id
 * @param skill               the group that should serve it
 * @param queuedAt            when the shopper first asked for a person: the FIFO order inside a priority
 * @param enteredAt           when this stay in the queue began (equals {@code queuedAt} unless re-queued by a
 *                            transfer); the queue timeout counts from here
 * @param previousAgentId     the agent this shopper had last time, or null: preferred when eligible
 * @param buyerWithOpenOrders a verified shopper with an order not yet completed
 * @param avoidAgentId        an agent who must not get it (who transferred it away or stayed silent), or null
 */
public record QueueEntry(String conversationId, SkillGroup skill, Instant queuedAt, Instant enteredAt,
                         String previousAgentId, boolean buyerWithOpenOrders, String avoidAgentId) {

    public QueueEntry {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(skill, "skill");
        Objects.requireNonNull(queuedAt, "queuedAt");
        if (enteredAt == null) enteredAt = queuedAt;
    }

    public static QueueEntry of(String conversationId, SkillGroup skill, Instant queuedAt) {
        return new QueueEntry(conversationId, skill, queuedAt, queuedAt, null, false, null);
    }

    /** Complaints first, then known buyers with open orders, then the rest. */
    public QueuePriority priority() {
        if (skill == SkillGroup.COMPLAINTS) return QueuePriority.COMPLAINT;
        return buyerWithOpenOrders ? QueuePriority.OPEN_ORDER_BUYER : QueuePriority.STANDARD;
    }

    public QueueEntry withPreviousAgent(String agentId) {
        return new QueueEntry(conversationId, skill, queuedAt, enteredAt, agentId, buyerWithOpenOrders, avoidAgentId);
    }

    public QueueEntry withOpenOrders(boolean open) {
        return new QueueEntry(conversationId, skill, queuedAt, enteredAt, previousAgentId, open, avoidAgentId);
    }

    /**
     * The same conversation back in the queue: keeps its original place (the shopper has waited already) but the
     * timeout restarts, and the agent who let it go is not chosen again.
     */
    public QueueEntry requeued(SkillGroup group, Instant at, String avoid) {
        return new QueueEntry(conversationId, group, queuedAt, at, previousAgentId, buyerWithOpenOrders, avoid);
    }
}
