package xiaoer.engine.routing;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Port: routing state kept per key (assignment details, silence clocks, timeout offers, tallies) whose entries change
 * only by atomic compare-and-set steps, so that several routers (threads or cluster nodes) sharing it never lose an
 * update. In memory by default; a Redis hash in cluster mode. Values are immutable records compared by equality.
 */
public interface StateMap<V> {

    Optional<V> get(String key);

    /** Sets the value when the key is absent; false when it has one. */
    boolean putIfAbsent(String key, V value);

    void put(String key, V value);

    /** Replaces {@code expected} with {@code updated}; false when the value is not (equal to) {@code expected}. */
    boolean replace(String key, V expected, V updated);

    /** Removes the entry when its value is (equal to) {@code expected}. */
    boolean remove(String key, V expected);

    void remove(String key);

    /** A snapshot of every entry. */
    Map<String, V> all();

    /**
     * Applies {@code change} (absent = null in, null out = remove) as one compare-and-set, retried when another
     * router changed the entry meanwhile; returns the value before and after.
     */
    default Change<V> update(String key, UnaryOperator<V> change) {
        while (true) {
            V before = get(key).orElse(null);
            V after = change.apply(before);
            if (Objects.equals(before, after)) return new Change<>(before, after);
            boolean done = before == null ? after == null || putIfAbsent(key, after)
                    : after == null ? remove(key, before) : replace(key, before, after);
            if (done) return new Change<>(before, after);
        }
    }

    /** One entry's value before and after an {@link #update}. */
    record Change<V>(V before, V after) {

        public boolean changed() {
            return !Objects.equals(before, after);
        }
    }
}
