package xiaoer.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryPortsTests {

    @Test
    void onlyOneOfManyClaimsAtOnceWins() throws Exception {
        InMemoryAssignmentLedger ledger = new InMemoryAssignmentLedger();

        List<Boolean> results = race(16, i -> ledger.claim("c1", "agent" + i));

        assertThat(results).containsOnlyOnce(true);
        assertThat(ledger.owner("c1")).isPresent();
    }

    @Test
    void releaseAndTransferActOnlyForTheOwner() {
        InMemoryAssignmentLedger ledger = new InMemoryAssignmentLedger();
        ledger.claim("c1", "a");

        assertThat(ledger.release("c1", "b")).isFalse();
        assertThat(ledger.transfer("c1", "b", "c")).isFalse();
        assertThat(ledger.transfer("c1", "a", "b")).isTrue();
        assertThat(ledger.owner("c1")).hasValue("b");
        assertThat(ledger.release("c1", "b")).isTrue();
        assertThat(ledger.owner("c1")).isEmpty();
        assertThat(ledger.claim("c1", "c")).isTrue();
    }

    @Test
    void concurrentReservationsStopExactlyAtCapacity() throws Exception {
        InMemoryAgentLoads loads = new InMemoryAgentLoads();

        List<Boolean> results = race(16 * 20, i -> loads.tryReserve("a", 10));

        assertThat(results).filteredOn(b -> b).hasSize(10);
        assertThat(loads.load("a")).isEqualTo(10);
    }

    @Test
    void releaseNeverGoesBelowZero() {
        InMemoryAgentLoads loads = new InMemoryAgentLoads();
        loads.release("a");
        loads.tryReserve("a", 1);
        loads.release("a");
        loads.release("a");

        assertThat(loads.load("a")).isZero();
        assertThat(loads.tryReserve("a", 1)).isTrue();
        assertThat(loads.tryReserve("a", 1)).isFalse();
    }

    @Test
    void theQueueHoldsAConversationOnce() {
        InMemoryWaitingQueue queue = new InMemoryWaitingQueue();
        QueueEntry e = QueueEntry.of("c1", SkillGroup.PRESALES, java.time.Instant.EPOCH);

        assertThat(queue.add(e)).isTrue();
        assertThat(queue.add(e)).isFalse();
        assertThat(queue.remove("c1")).isTrue();
        assertThat(queue.remove("c1")).isFalse();
    }

    interface Task<T> {
        T run(int i) throws Exception;
    }

    static <T> List<T> race(int tasks, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int n = i;
                Callable<T> c = () -> {
                    start.await();
                    return task.run(n);
                };
                futures.add(pool.submit(c));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get(30, TimeUnit.SECONDS));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
