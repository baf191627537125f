package xiaoer.channels.widget;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (visitor or IP): {@code perMinute} messages in a burst, refilled evenly over a minute.
 * Cheap enough to run on the event loop. Idle, full buckets are dropped when the map grows, so the memory stays
 * bounded by the number of recently active keys.
 */
final class RateLimiter {

    private static final int PRUNE_ABOVE = 100_000;

    private final int perMinute;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.refilledAt = at;
        }
    }

    RateLimiter(int perMinute) {
        this(perMinute, System::nanoTime);
    }

    RateLimiter(int perMinute, LongSupplier nanoClock) {
        this(perMinute, TimeUnit.MINUTES, nanoClock);
    }

    /** {@code limit} in a burst, refilled evenly over one {@code per} (e.g. 30 per hour). */
    RateLimiter(int limit, TimeUnit per, LongSupplier nanoClock) {
        this.perMinute = limit;
        this.tokensPerNano = limit / (double) per.toNanos(1);
        this.nanoClock = nanoClock;
    }

    /** Takes one token for the key; false when the key is over its limit. A limit of 0 never refuses. */
    boolean tryAcquire(String key) {
        if (perMinute <= 0) return true;
        long now = nanoClock.getAsLong();
        if (buckets.size() > PRUNE_ABOVE) prune(now);
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens < 1) return false;
            bucket.tokens -= 1;
            return true;
        }
    }

    private void refill(Bucket bucket, long now) {
        bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.refilledAt) * tokensPerNano);
        bucket.refilledAt = now;
    }

    private void prune(long now) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                refill(e.getValue(), now);
                return e.getValue().tokens >= perMinute;
            }
        });
    }
}
