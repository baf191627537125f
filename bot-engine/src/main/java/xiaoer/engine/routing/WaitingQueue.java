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
}
