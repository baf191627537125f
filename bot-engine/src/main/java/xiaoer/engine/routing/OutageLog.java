package xiaoer.engine.routing;

import org.slf4j.Logger;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warns about unreachable shared routing state at most once per interval: during a Redis outage every shopper message
 * would otherwise log its own warning. The rest go to debug.
 */
final class OutageLog {

    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Logger log;
    private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - INTERVAL_NANOS);

    OutageLog(Logger log) {
        this.log = log;
    }

    void failed(String what, String conversationId, RuntimeException e) {
        long now = System.nanoTime();
        long last = lastWarned.get();
        if (now - last >= INTERVAL_NANOS && lastWarned.compareAndSet(last, now)) {
            log.warn("{} ({}): {}; further failures for 10 s are logged at debug", what, conversationId, e.toString());
        } else {
            log.debug("{} ({}): {}", what, conversationId, e.toString());
        }
    }
}
