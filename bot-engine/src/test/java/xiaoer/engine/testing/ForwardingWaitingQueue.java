package xiaoer.engine.testing;

import java.util.List;
import java.util.Optional;
import xiaoer.engine.routing.InMemoryWaitingQueue;
import xiaoer.engine.routing.QueueEntry;
import xiaoer.engine.routing.WaitingQueue;

/** The in-memory waiting queue behind a seam: tests override a method to count calls or to race another node. */
public class ForwardingWaitingQueue implements WaitingQueue {

    protected final InMemoryWaitingQueue inner = new InMemoryWaitingQueue();

    @Override
    public boolean add(QueueEntry entry) {
        return inner.add(entry);
    }

    @Override
    public boolean remove(String conversationId) {
        return inner.remove(conversationId);
    }

    @Override
    public Optional<QueueEntry> find(String conversationId) {
        return inner.find(conversationId);
    }

    @Override
    public List<QueueEntry> all() {
        return inner.all();
    }

    @Override
    public long version() {
        return inner.version();
    }
}
