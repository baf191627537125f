package xiaoer.engine.routing;

import java.util.List;
import java.util.Optional;

/** Port: the conversations waiting for a person, unordered ({@link RoutingPolicy} orders them). */
public interface WaitingQueue {

    /** Adds the entry; false when the conversation is already waiting. */
    boolean add(QueueEntry entry);

    /** Takes the conversation out; false when it was not waiting (someone else took or withdrew it). */
    boolean remove(String conversationId);

    Optional<QueueEntry> find(String conversationId);

    List<QueueEntry> all();

    /**
     * A number that changes with every successful {@link #add} and {@link #remove}, moved only after the change is
     * visible: a reader who sees version {@code v} and then reads {@link #all()} sees at least every change up to
     * {@code v}. The router keeps an ordered snapshot of the queue and rebuilds it only when this moves.
     */
    long version();

    /**
     * Whether other nodes change this queue too (Redis in cluster mode): then reading it costs a round trip, and the
     * router may answer a shopper's place from a snapshot up to a second old when only other nodes changed the queue.
     */
    default boolean shared() {
        return false;
    }
}
