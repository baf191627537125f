package xiaoer.engine.routing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** The queue for tests and the embedded default. */
public final class InMemoryWaitingQueue implements WaitingQueue {

    private final ConcurrentMap<String, QueueEntry> entries = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    @Override
    public boolean add(QueueEntry entry) {
        if (entries.putIfAbsent(entry.conversationId(), entry) != null) return false;
        version.incrementAndGet(); // after the change: see version()
        return true;
    }

    @Override
    public boolean remove(String conversationId) {
        if (entries.remove(conversationId) == null) return false;
        version.incrementAndGet();
        return true;
    }

    @Override
    public Optional<QueueEntry> find(String conversationId) {
        return Optional.ofNullable(entries.get(conversationId));
    }

    @Override
    public List<QueueEntry> all() {
        return List.copyOf(entries.values());
    }

    @Override
    public long version() {
        return version.get();
    }
}
