package xiaoer.engine.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The routing rules as pure functions (issue 7): the order of the queue, and which agents may take a conversation,
 * best first. Stateless and thread-safe.
 */
public final class RoutingPolicy {

    /** Priority first, then first come first served, then the id so that the order is total. */
    public static final Comparator<QueueEntry> QUEUE_ORDER = Comparator.comparing(QueueEntry::priority)
            .thenComparing(QueueEntry::queuedAt)
            .thenComparing(QueueEntry::conversationId);

    /** Least loaded, then idle longest (never assigned counts as longest), then fewest today, then id. */
    private static final Comparator<AgentState> LEAST_BUSY = Comparator.comparingInt(AgentState::load)
            .thenComparing(AgentState::lastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingInt(AgentState::assignedToday)
            .thenComparing(AgentState::id);

    /** The waiting conversations in the order they are served. */
    public List<QueueEntry> order(Collection<QueueEntry> waiting) {
        return waiting.stream().sorted(QUEUE_ORDER).toList();
    }

    /**
     * The agents who may take {@code entry}, best first: the shopper's previous agent when eligible (continuity of
     * service), then the least busy.
     */
    public List<AgentState> rank(QueueEntry entry, Collection<AgentState> agents) {
        Comparator<AgentState> sticky = Comparator.comparing(a -> !a.id().equals(entry.previousAgentId()));
        return agents.stream().filter(a -> a.canTake(entry)).sorted(sticky.thenComparing(LEAST_BUSY)).toList();
    }

    public Optional<AgentState> choose(QueueEntry entry, Collection<AgentState> agents) {
        return rank(entry, agents).stream().findFirst();
    }

    /**
     * The place the shopper is told: 1 + the conversations ahead of this one that need the same group (those of other
     * groups go to other agents and do not delay this shopper). Empty when the conversation is not waiting.
     */
    public OptionalInt position(String conversationId, Collection<QueueEntry> waiting) {
        QueueEntry self = waiting.stream().filter(e -> e.conversationId().equals(conversationId)).findFirst()
                .orElse(null);
        if (self == null) return OptionalInt.empty();
        long ahead = waiting.stream()
                .filter(e -> e.skill() == self.skill() && QUEUE_ORDER.compare(e, self) < 0)
                .count();
        return OptionalInt.of((int) ahead + 1);
    }
}
