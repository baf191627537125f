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

    static final QueueSnapshot NONE = new QueueSnapshot(Long.MIN_VALUE, List.of(), Map.of());

    private final long version;
    private final List<QueueEntry> ordered;
    private final Map<String, Integer> positions;

    private QueueSnapshot(long version, List<QueueEntry> ordered, Map<String, Integer> positions) {
        this.version = version;
        this.ordered = ordered;
        this.positions = positions;
    }

    /**
     * Orders {@code waiting} by {@link RoutingPolicy#QUEUE_ORDER}; a place is 1 + the entries ahead that need the same
     * group (same meaning as {@link RoutingPolicy#position}).
     */
    static QueueSnapshot of(long version, Collection<QueueEntry> waiting, RoutingPolicy policy) {
        List<QueueEntry> ordered = policy.order(waiting);
        Map<SkillGroup, Integer> ahead = new EnumMap<>(SkillGroup.class);
        Map<String, Integer> positions = new HashMap<>(ordered.size() * 2);
        for (QueueEntry e : ordered) {
            positions.put(e.conversationId(), ahead.merge(e.skill(), 1, Integer::sum));
        }
        return new QueueSnapshot(version, ordered, positions);
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
