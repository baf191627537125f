package xiaoer.app.cluster;

import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import xiaoer.engine.chat.VisitorLocks;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The visitor lock across nodes: a Redisson {@link RLock} per visitor (lease-bounded, so a killed node's lock
 * expires). Taken only when a visitor has no open conversation (the engine's fast path needs none). When Redis
 * cannot be reached the work runs under this JVM's lock alone: the database still keeps one open conversation per
 * visitor (the store's creation locks the visitor's row), so an outage of Redis never stops shoppers from chatting.
 */
public final class RedissonVisitorLocks implements VisitorLocks {

    private static final Logger log = LoggerFactory.getLogger(RedissonVisitorLocks.class);

    private final RedissonClient redisson;
    private final VisitorLocks local = VisitorLocks.local();
    private final long waitMs;
    private final long leaseMs;

    public RedissonVisitorLocks(RedissonClient redisson, long waitMs, long leaseMs) {
        this.redisson = redisson;
        this.waitMs = waitMs;
        this.leaseMs = leaseMs;
    }

    @Override
    public <T> T withLock(String visitorKey, Supplier<T> work) {
        return local.withLock(visitorKey, () -> {
            RLock lock = redisson.getLock("xiaoer:lock:visitor:" + visitorKey);
            boolean held;
            try {
                held = lock.tryLock(waitMs, leaseMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the visitor lock", e);
            } catch (RuntimeException redisDown) {
                log.warn("cluster lock unavailable ({}); relying on the database's visitor row lock", redisDown.toString());
                return work.get();
            }
            if (!held) throw new IllegalStateException("visitor " + visitorKey + " is busy on another node");
            try {
                return work.get();
            } finally {
                try {
                    lock.unlock();
                } catch (RuntimeException e) {
                    log.debug("unlock of {} failed (lease will expire): {}", visitorKey, e.toString());
                }
            }
        });
    }
}
