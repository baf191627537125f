package xiaoer.kb.semantic;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Embeds shopper messages on a bounded executor with an LRU cache in front. When the queue is full or the
 * model is too slow the caller gets {@code null} and falls back to the lexical path; both cases are counted.
 */
public final class SemanticStage implements AutoCloseable {

    private final Embedder embedder;
    private final ThreadPoolExecutor executor;
    private final LruCache<String, float[]> cache;
    private final long timeoutMs;

    final AtomicLong embedded = new AtomicLong();
    final AtomicLong cacheHits = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong timedOut = new AtomicLong();

    public SemanticStage(Embedder embedder, int threads, int queueCapacity, int cacheSize, long timeoutMs) {
        this.embedder = embedder;
        this.cache = new LruCache<>(cacheSize);
        this.timeoutMs = timeoutMs;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), r -> {
                    Thread t = new Thread(r, "kb-embed-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
    }

    public Embedder embedder() {
        return embedder;
    }

    /** The message's vector, or {@code null} under overload (queue full or timeout). */
    public float[] embed(String text) {
        return embed(text, null);
    }

    /**
     * The message's vector from the model of {@code lang} (null: the embedder's default), or {@code null} under
     * overload (queue full or timeout). Recent identical messages of the same language come from the cache.
     */
    public float[] embed(String text, String lang) {
        Embedder model = lang == null ? embedder : embedder.forLanguage(lang);
        String key = (lang == null ? "" : lang) + '\u0001' + text;
        float[] hit = cache.get(key);
        if (hit != null) {
            cacheHits.incrementAndGet();
            return hit;
        }
        Future<float[]> f;
        try {
            f = executor.submit(() -> model.embed(text));
        } catch (RejectedExecutionException e) {
            rejected.incrementAndGet();
            return null;
        }
        try {
            float[] v = f.get(timeoutMs, TimeUnit.MILLISECONDS);
            embedded.incrementAndGet();
            cache.put(key, v);
            return v;
        } catch (TimeoutException e) {
            f.cancel(true);
            timedOut.incrementAndGet();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            timedOut.incrementAndGet();
            return null;
        }
    }

    public long embeddedCount() {
        return embedded.get();
    }

    public long cacheHitCount() {
        return cacheHits.get();
    }

    public long rejectedCount() {
        return rejected.get();
    }

    public long timedOutCount() {
        return timedOut.get();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
