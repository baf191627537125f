package xiaoer.engine.routing;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The waiting queue ordered once, with every shopper's place (issue 10: the place used to be recomputed over the
 * whole queue for each message of each waiting shopper). Valid for one {@link WaitingQueue#version()}.
 */
final class QueueSnapshot {

    static final QueueSnapshot NONE = new QueueSnapshot(Long.MIN_VALUE, List.of(), Map.of(), -1, Long.MIN_VALUE);

    private final long version;
    private final List<QueueEntry> ordered;
    private final Map<String, Integer> positions;
    /** The router's count of its own queue changes when this was built: a later local change makes it stale. */
    private final long localChanges;
    private final long builtAtNanos;

    private QueueSnapshot(long version, List<QueueEntry> ordered, Map<String, Integer> positions, long localChanges,
                          long builtAtNanos) {
        this.version = version;
        this.ordered = ordered;
        this.positions = positions;
        this.localChanges = localChanges;
        this.builtAtNanos = builtAtNanos;
    }

    /**
     * Orders {@code waiting} by {@link RoutingPolicy#QUEUE_ORDER}; a place is 1 + the entries ahead that need the same
     * group (same meaning as {@link RoutingPolicy#position}).
     */
    static QueueSnapshot of(long version, Collection<QueueEntry> waiting, RoutingPolicy policy, long localChanges) {
        List<QueueEntry> ordered = policy.order(waiting);
        Map<SkillGroup, Integer> ahead = new EnumMap<>(SkillGroup.class);
        Map<String, Integer> positions = new HashMap<>(ordered.size() * 2);
        for (QueueEntry e : ordered) {
            positions.put(e.conversationId(), ahead.merge(e.skill(), 1, Integer::sum));
        }
        return new QueueSnapshot(version, ordered, positions, localChanges, System.nanoTime());
    }

    /** Built after the router's last own change and less than {@code maxAgeNanos} ago. */
    boolean recent(long localChangesNow, long maxAgeNanos) {
        return localChanges == localChangesNow && System.nanoTime() - builtAtNanos < maxAgeNanos;
    }

    long version() {
        return version;
    }

    List<QueueEntry> ordered() {
        return ordered;
    }

    OptionalInt position(String conversationId) {
        Integer p = positions.get(conversationId);
        return p == null ? OptionalInt.empty() : OptionalInt.of(p);
    }
}
