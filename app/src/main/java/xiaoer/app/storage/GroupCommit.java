package xiaoer.app.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Group commit: one writer thread takes every request that is waiting, runs them together in ONE transaction and
 * completes each caller only after that transaction committed. Concurrent callers therefore share a commit (on H2 with
 * {@code WRITE_DELAY=0} a commit writes the store's chunk to the file; on PostgreSQL it is a WAL flush), and nobody is
 * answered before their write is durable.
 *
 * <p>When a batch fails as a whole (a constraint raced by another node, a deadlock, a bad request among good ones),
 * every request of it is retried alone, in its own transaction, so one request cannot fail the others.
 *
 * @param <Q> a request
 * @param <R> its result
 */
final class GroupCommit<Q, R> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Pending<Q, R>(Q request, CompletableFuture<R> result) {
    }

    private final LinkedBlockingQueue<Pending<Q, R>> queue = new LinkedBlockingQueue<>();
    private final Function<List<Q>, List<R>> batch;
    private final Function<Q, R> alone;
    private final int maxBatch;
    private final long waitSeconds;
    private final long gatherNanos;
    private final int gatherFrom;
    private final Thread writer;
    private final Counter commits;
    private final Counter requests;
    private volatile boolean closed;

    /**
     * @param batch       runs the requests in one transaction and returns their results in order; all or nothing
     * @param alone       runs one request in its own transaction (the retry after a failed batch)
     * @param maxBatch    most requests in one transaction
     * @param waitSeconds how long a caller waits for its commit before giving up (the writer is stuck or gone)
     * @param gatherMicros under load (a batch of at least {@code gatherFrom} was waiting), how long the writer waits
     *                     for more writes before it commits; 0 = never wait
     * @param gatherFrom   the batch size that counts as load
     */
    GroupCommit(String name, Function<List<Q>, List<R>> batch, Function<Q, R> alone, int maxBatch, long waitSeconds,
                long gatherMicros, int gatherFrom) {
        this.batch = batch;
        this.alone = alone;
        this.maxBatch = maxBatch;
        this.waitSeconds = waitSeconds;
        this.gatherNanos = TimeUnit.MICROSECONDS.toNanos(gatherMicros);
        this.gatherFrom = gatherFrom;
        // Boot adds its registries to the global one, so these reach /actuator/prometheus
        this.commits = Counter.builder("xiaoer.store.group.commits").tag("store", name)
                .description("transactions the group-commit writer committed").register(Metrics.globalRegistry);
        this.requests = Counter.builder("xiaoer.store.group.requests").tag("store", name)
                .description("writes committed by the group-commit writer (requests / commits = batch size)")
                .register(Metrics.globalRegistry);
        this.writer = new Thread(this::run, "xiaoer-" + name + "-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues the request and blocks until it is committed; rethrows what the request threw. */
    R submit(Q request) {
        if (closed) throw new IllegalStateException("the store is closed");
        CompletableFuture<R> result = new CompletableFuture<>();
        queue.add(new Pending<>(request, result));
        try {
            return result.get(waitSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            // the write may still commit later; the caller reports a failure and the client retries with the same
            // clientMsgId, which the store de-duplicates
            throw new IllegalStateException("no commit within " + waitSeconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit");
        }
    }

    private void run() {
        List<Pending<Q, R>> taken = new ArrayList<>(maxBatch);
        List<Q> requestsOfBatch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<Q, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                taken.clear();
                taken.add(first);
                queue.drainTo(taken, maxBatch - 1);
                if (gatherNanos > 0 && taken.size() >= gatherFrom && taken.size() < maxBatch) {
                    // under load the next writes are on their way: a moment's wait lets them share this commit (a
                    // commit's cost grows much slower than its size), as PostgreSQL's commit_delay does
                    LockSupport.parkNanos(gatherNanos);
                    queue.drainTo(taken, maxBatch - taken.size());
                }
                requestsOfBatch.clear();
                for (Pending<Q, R> p : taken) requestsOfBatch.add(p.request());
                commit(taken, requestsOfBatch);
            } catch (InterruptedException e) {
                if (closed) break;
            } catch (Throwable t) { // the writer must survive anything
                log.error("group commit writer: {}", t.toString(), t);
            }
        }
    }

    private void commit(List<Pending<Q, R>> taken, List<Q> batchRequests) {
        if (taken.size() > 1) {
            List<R> results = null;
            try {
                results = batch.apply(batchRequests);
            } catch (RuntimeException e) {
                log.debug("a batch of {} failed ({}); retrying each alone", taken.size(), e.toString());
            }
            if (results != null) {
                commits.increment();
                requests.increment(taken.size());
                for (int i = 0; i < taken.size(); i++) taken.get(i).result().complete(results.get(i));
                return;
            }
        }
        for (Pending<Q, R> p : taken) {
            try {
                R r = alone.apply(p.request());
                commits.increment();
                requests.increment();
                p.result().complete(r);
            } catch (Throwable t) {
                p.result().completeExceptionally(t);
            }
        }
    }

    /** Commits what is queued, then stops the writer. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending<Q, R> left;
        while ((left = queue.poll()) != null) left.result().completeExceptionally(new IllegalStateException("the store is closed"));
    }
}
