package xiaoer.engine.routing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The queue for tests and the embedded default. */
public final class InMemoryWaitingQueue implements WaitingQueue {

    private final ConcurrentMap<String, QueueEntry> entries = new ConcurrentHashMap<>();

    @Override
    public boolean add(QueueEntry entry) {
        return entries.putIfAbsent(entry.conversationId(), entry) == null;
    }

    @Override
    public boolean remove(String conversationId) {
        return entries.remove(conversationId) != null;
    }

    @Override
    public Optional<QueueEntry> find(String conversationId) {
        return Optional.ofNullable(entries.get(conversationId));
    }

    @Override
    public List<QueueEntry> all() {
        return List.copyOf(entries.values());
    }
}
