package xiaoer.engine.routing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue for tests and the embedded default. Entries are also kept in queue order, so that {@link #all()} hands
 * the router an already sorted list (re-sorting it is then linear: the queue can hold thousands at a sale's peak).
 */
public final class InMemoryWaitingQueue implements WaitingQueue {

    private final ConcurrentMap<String, QueueEntry> entries = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<QueueEntry> ordered = new ConcurrentSkipListSet<>(RoutingPolicy.QUEUE_ORDER);
    private final AtomicLong version = new AtomicLong();

    @Override
    public boolean add(QueueEntry entry) {
        if (entries.putIfAbsent(entry.conversationId(), entry) != null) return false;
        ordered.add(entry);
        version.incrementAndGet(); // after the change: see version()
        return true;
    }

    @Override
    public boolean remove(String conversationId) {
        QueueEntry removed = entries.remove(conversationId);
        if (removed == null) return false;
        ordered.remove(removed);
        version.incrementAndGet();
        return true;
    }

    @Override
    public Optional<QueueEntry> find(String conversationId) {
        return Optional.ofNullable(entries.get(conversationId));
    }

    @Override
    public List<QueueEntry> all() {
        return List.copyOf(ordered);
    }

    @Override
    public long version() {
        return version.get();
    }
}
