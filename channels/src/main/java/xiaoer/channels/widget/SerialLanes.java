package xiaoer.channels.widget;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Striped single-thread executors with bounded queues: every task of one key runs on the same lane, so one visitor's
 * messages are stored, acked and answered in the order they arrived, while different visitors run in parallel. A full
 * lane refuses new work instead of blocking the Netty event loop that submits it.
 */
final class SerialLanes {

    private final ThreadPoolExecutor[] lanes;

    SerialLanes(int count, int queueCapacity, String threadPrefix) {
        lanes = new ThreadPoolExecutor[count];
        for (int i = 0; i < count; i++) {
            AtomicInteger n = new AtomicInteger();
            String name = threadPrefix + "-" + i;
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity),
                    r -> {
                        Thread t = new Thread(r, n.getAndIncrement() == 0 ? name : name + "-" + n.get());
                        t.setDaemon(true);
                        return t;
                    }, new ThreadPoolExecutor.AbortPolicy());
            // started now, not by the first widgets to connect: a fixed cost of the server, paid at start-up
            lanes[i].prestartAllCoreThreads();
        }
    }

    /** Queues the task on the key's lane; false when that lane is full or shut down. */
    boolean submit(String key, Runnable task) {
        try {
            lanes[Math.floorMod(key.hashCode(), lanes.length)].execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Tasks waiting in all lanes (not counting the ones running). */
    int queued() {
        int sum = 0;
        for (ThreadPoolExecutor lane : lanes) sum += lane.getQueue().size();
        return sum;
    }

    void shutdown(long timeoutMillis) {
        for (ThreadPoolExecutor lane : lanes) lane.shutdown();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (ThreadPoolExecutor lane : lanes) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !lane.awaitTermination(left, TimeUnit.NANOSECONDS)) lane.shutdownNow();
            } catch (InterruptedException e) {
                lane.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
