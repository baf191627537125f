package xiaoer.engine.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The waiting queue ordered once, with every shopper's place (issue 10: the place used to be recomputed over the
 * whole queue for each message of each waiting shopper). Valid for one {@link WaitingQueue#version()}.
 */
final class QueueSnapshot {

    static final QueueSnapshot NONE = new QueueSnapshot(Long.MIN_VALUE, List.of(), Map.of(), Map.of(), Map.of(), -1,
            Long.MIN_VALUE);

    /** Appended entries kept apart from {@link #positions} before a full rebuild folds them in. */
    private static final int MAX_APPENDED = 512;

    private final long version;
    private final List<QueueEntry> ordered;
    private final Map<String, Integer> positions;
    /** Places of entries appended since the last full build (small; {@link #positions} is shared, never copied). */
    private final Map<String, Integer> appended;
    /** Entries per skill group: the place the next appended entry of that group gets, minus one. */
    private final Map<SkillGroup, Integer> perSkill;
    /** The router's count of its own queue changes when this was built: a later local change makes it stale. */
    private final long localChanges;
    private final long builtAtNanos;

    private QueueSnapshot(long version, List<QueueEntry> ordered, Map<String, Integer> positions,
                          Map<String, Integer> appended, Map<SkillGroup, Integer> perSkill, long localChanges,
                          long builtAtNanos) {
        this.version = version;
        this.ordered = ordered;
        this.positions = positions;
        this.appended = appended;
        this.perSkill = perSkill;
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
        return new QueueSnapshot(version, ordered, positions, Map.of(), ahead, localChanges, System.nanoTime());
    }

    /**
     * This snapshot with {@code entry} added, labelled {@code version}, when that can be done exactly without
     * ordering the whole queue again: the entry goes behind everyone of the last full build (the usual arrival: same
     * priority, later; arrivals handed off a moment apart on different threads may land slightly out of order among
     * themselves, which is fine), so only entries appended since then can move. Empty otherwise, or after many appends
     * (then a full build folds them in). A queue that grows by arrivals during a rush is then kept in order at the cost
     * of a short insert per arrival instead of a sort of the whole queue (issue 10).
     */
    Optional<QueueSnapshot> appended(QueueEntry entry, long version, long localChanges) {
        return appended(entry, version, localChanges, System.nanoTime());
    }

    /**
     * {@link #appended(QueueEntry, long, long)} for a shared queue that other nodes changed too since this was read:
     * the result keeps this snapshot's label and age, so it is still rebuilt when it gets older than a place may be;
     * until then this node's arrival gets a place from it (other nodes' changes of the last moment not counted, as
     * for every place on a shared queue) instead of a read of the whole queue from Redis per arrival.
     */
    Optional<QueueSnapshot> appendedKeepingAge(QueueEntry entry, long localChanges) {
        return appended(entry, version, localChanges, builtAtNanos);
    }

    private Optional<QueueSnapshot> appended(QueueEntry entry, long version, long localChanges,
                                                       long builtAtNanos) {
        String id = entry.conversationId();
        if (this == NONE || appended.size() >= MAX_APPENDED || positions.containsKey(id) || appended.containsKey(id)) {
            return Optional.empty();
        }
        int at = ordered.size();
        while (at > 0 && RoutingPolicy.QUEUE_ORDER.compare(ordered.get(at - 1), entry) > 0) {
            if (!appended.containsKey(ordered.get(at - 1).conversationId())) return Optional.empty();
            at--;
        }
        Map<String, Integer> places = new HashMap<>(appended);
        int behind = 0;
        for (int i = at; i < ordered.size(); i++) {
            QueueEntry e = ordered.get(i);
            if (e.skill() != entry.skill()) continue;
            places.merge(e.conversationId(), 1, Integer::sum);
            behind++;
        }
        Map<SkillGroup, Integer> counts = new EnumMap<>(SkillGroup.class);
        counts.putAll(perSkill);
        places.put(id, counts.merge(entry.skill(), 1, Integer::sum) - behind);
        List<QueueEntry> longer = new ArrayList<>(ordered.size() + 1);
        longer.addAll(ordered.subList(0, at));
        longer.add(entry);
        longer.addAll(ordered.subList(at, ordered.size()));
        return Optional.of(new QueueSnapshot(version, Collections.unmodifiableList(longer),
                positions, places, counts, localChanges, builtAtNanos));
    }

    /** This snapshot, confirmed current now (its version is still the queue's), as of {@code localChanges}. */
    QueueSnapshot checkedAt(long localChanges) {
        return new QueueSnapshot(version, ordered, positions, appended, perSkill, localChanges, System.nanoTime());
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
        if (p == null) p = appended.get(conversationId);
        return p == null ? OptionalInt.empty() : OptionalInt.of(p);
    }
}
