package xiaoer.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/** 16 threads accept and route 200 conversations against 5 agents of capacity 10 at once. */
class RouterConcurrencyTests {

    private static final int THREADS = 16;
    private static final int CONVERSATIONS = 200;
    private static final int AGENTS = 5;
    private static final int CAPACITY = 10;

    private final CountingLedger ledger = new CountingLedger();
    private final WatchedLoads loads = new WatchedLoads();
    private final ConcurrentLinkedQueue<Assignment> made = new ConcurrentLinkedQueue<>();
    private final AtomicInteger refusedOtherThanExpected = new AtomicInteger();
    private ExecutorService pool;
    private Router router;
    private List<String> ids;

    @BeforeEach
    void setUp() {
        MutableClock clock = MutableClock.at("2024-02-14T10:00");
        SeatBoard seats = new SeatBoard(SeatSettings.defaults(), clock);
        router = new Router(RoutingSettings.defaults(), new InMemoryWaitingQueue(), ledger, loads, seats, clock);
        ids = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            ids.add("c" + i);
            router.handOff(QueueEntry.of("c" + i, SkillGroup.PRESALES, clock.instant())).orThrow(); // nobody online yet
        }
        for (int a = 0; a < AGENTS; a++) {
            seats.register("a" + a, "Agent " + a, SeatRole.AGENT, Set.of(SkillGroup.PRESALES), CAPACITY);
            seats.change("a" + a, AgentStatus.ONLINE).orThrow();
        }
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @RepeatedTest(3)
    void everyConversationIsAssignedAtMostOnceAndNoAgentGoesPastCapacity() throws Exception {
        race(false);
        made.addAll(router.dispatch()); // a seat a losing pick reserved for a moment may have been skipped in the race

        assertNoneTwice();
        // without closes a lost race never reaches the ledger twice: exactly one claim per assigned conversation
        assertThat(ledger.claims.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(ledger.claims).hasSize(made.size());
        assertThat(made).hasSize(AGENTS * CAPACITY);
        assertThat(router.waiting()).hasSize(CONVERSATIONS - AGENTS * CAPACITY);
        for (int a = 0; a < AGENTS; a++) {
            assertThat(loads.load("a" + a)).isEqualTo(CAPACITY);
            assertThat(router.assignmentsOf("a" + a)).hasSize(CAPACITY);
        }
        assertThat(loads.maxSeen.get()).isLessThanOrEqualTo(CAPACITY);
        assertThat(refusedOtherThanExpected).hasValue(0);
    }

    @RepeatedTest(3)
    void withClosesInBetweenEveryConversationIsServedExactlyOnce() throws Exception {
        race(true);
        // drain what is left: close everything open, route again
        while (!router.waiting().isEmpty()) {
            for (int a = 0; a < AGENTS; a++) {
                router.assignmentsOf("a" + a).forEach(x -> router.closed(x.conversationId()));
            }
            made.addAll(router.dispatch());
        }
        for (int a = 0; a < AGENTS; a++) router.assignmentsOf("a" + a).forEach(x -> router.closed(x.conversationId()));

        // (a pick racing a close may claim the closed conversation for a moment; it finds it gone from the queue and
        // gives the claim back, so no assignment results: what counts is what agents were given)
        assertNoneTwice();
        assertThat(made).extracting(Assignment::conversationId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(ids).allSatisfy(id -> assertThat(ledger.owner(id)).isEmpty());
        for (int a = 0; a < AGENTS; a++) assertThat(loads.load("a" + a)).isZero();
        assertThat(loads.maxSeen.get()).isLessThanOrEqualTo(CAPACITY);
        assertThat(refusedOtherThanExpected).hasValue(0);
    }

    private void race(boolean close) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = t;
            done.add(pool.submit(() -> {
                Random random = new Random(seed);
                List<String> order = new ArrayList<>(ids);
                Collections.shuffle(order, random);
                start.await();
                for (int i = 0; i < order.size(); i++) {
                    List<Assignment> mine = new ArrayList<>();
                    if (i % 10 == 0) {
                        mine.addAll(router.dispatch());
                    } else {
                        Outcome<Assignment> picked = router.pick("a" + random.nextInt(AGENTS), order.get(i));
                        picked.value().ifPresent(mine::add);
                        Set<String> expected = close ? Set.of("already_assigned", "at_capacity", "unknown_conversation")
                                : Set.of("already_assigned", "at_capacity");
                        picked.refusal().filter(r -> !expected.contains(r.code()))
                                .ifPresent(r -> refusedOtherThanExpected.incrementAndGet());
                    }
                    made.addAll(mine);
                    if (close) mine.stream().filter(x -> random.nextBoolean())
                            .forEach(x -> router.closed(x.conversationId()));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
    }

    private void assertNoneTwice() {
        assertThat(made).extracting(Assignment::conversationId).doesNotHaveDuplicates();
    }

    /** Counts successful claims per conversation. */
    private static final class CountingLedger implements AssignmentLedger {
        final InMemoryAssignmentLedger inner = new InMemoryAssignmentLedger();
        final Map<String, AtomicInteger> claims = new ConcurrentHashMap<>();

        @Override
        public boolean claim(String conversationId, String agentId) {
            boolean ok = inner.claim(conversationId, agentId);
            if (ok) claims.computeIfAbsent(conversationId, k -> new AtomicInteger()).incrementAndGet();
            return ok;
        }

        @Override
        public boolean release(String conversationId, String agentId) {
            return inner.release(conversationId, agentId);
        }

        @Override
        public boolean transfer(String conversationId, String fromAgentId, String toAgentId) {
            return inner.transfer(conversationId, fromAgentId, toAgentId);
        }

        @Override
        public Optional<String> owner(String conversationId) {
            return inner.owner(conversationId);
        }
    }

    /**
     * Records the highest load seen. Its own count goes up after and down before the real one, so it never reads
     * higher than the real load: a value above capacity here is a real overflow.
     */
    private static final class WatchedLoads implements AgentLoads {
        final InMemoryAgentLoads inner = new InMemoryAgentLoads();
        final Map<String, AtomicInteger> shadow = new ConcurrentHashMap<>();
        final AtomicInteger maxSeen = new AtomicInteger();

        @Override
        public boolean tryReserve(String agentId, int capacity) {
            boolean ok = inner.tryReserve(agentId, capacity);
            if (ok) {
                int now = shadow.computeIfAbsent(agentId, k -> new AtomicInteger()).incrementAndGet();
                maxSeen.accumulateAndGet(now, Math::max);
            }
            return ok;
        }

        @Override
        public void release(String agentId) {
            shadow.computeIfAbsent(agentId, k -> new AtomicInteger()).decrementAndGet();
            inner.release(agentId);
        }

        @Override
        public int load(String agentId) {
            return inner.load(agentId);
        }
    }
}
