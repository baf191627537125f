package xiaoer.app.cluster;

import xiaoer.engine.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import xiaoer.engine.routing.AgentStatus;
import xiaoer.engine.routing.Assignment;
import xiaoer.engine.routing.Outcome;
import xiaoer.engine.routing.QueueEntry;
import xiaoer.engine.routing.QueueTimeout;
import xiaoer.engine.routing.Router;
import xiaoer.engine.routing.RoutingPolicy;
import xiaoer.engine.routing.RoutingSettings;
import xiaoer.engine.routing.RoutingState;
import xiaoer.engine.routing.RoutingTick;
import xiaoer.engine.routing.SeatBoard;
import xiaoer.engine.routing.SeatChange;
import xiaoer.engine.routing.SeatRole;
import xiaoer.engine.routing.SeatSettings;
import xiaoer.engine.routing.ShiftHandover;
import xiaoer.engine.routing.ShiftHandovers;
import xiaoer.engine.routing.SilentAgent;
import xiaoer.engine.routing.SkillGroup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two routers — two "nodes", each with its own Redisson client — on one Redis (127.0.0.1:6379, a fresh key prefix per
 * test): what one node does, the other sees, and racing threads on both never assign a conversation twice, never
 * push an agent past capacity, and report each timeout and silence once.
 */
class RedisRoutingTests {

    private static final int CAPACITY = 3;

    private final String prefix = "xiaoer:test:routing:" + UUID.randomUUID();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T02:00:00Z"));
    private final RoutingSettings settings = RoutingSettings.defaults();
    private RedissonClient redisA;
    private RedissonClient redisB;
    private Node a;
    private Node b;
    private ExecutorService pool;

    /** One node's view: its own client, board and router on the shared state. */
    private record Node(RoutingState state, SeatBoard seats, Router router, ConcurrentLinkedQueue<Assignment> made) {
    }

    @BeforeEach
    void twoNodes() {
        redisA = LocalRedis.client();
        redisB = LocalRedis.client();
        a = node(redisA);
        b = node(redisB);
        pool = Executors.newFixedThreadPool(16);
    }

    private Node node(RedissonClient redisson) {
        RoutingState state = RedisRoutingState.create(redisson, prefix);
        SeatBoard seats = new SeatBoard(SeatSettings.defaults(), clock, state.seats());
        Router router = new Router(settings, state, seats, clock);
        ConcurrentLinkedQueue<Assignment> made = new ConcurrentLinkedQueue<>();
        router.addListener(made::add);
        return new Node(state, seats, router, made);
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (redisA != null) {
            RedisRoutingState.delete(redisA, prefix);
            redisA.getKeys().delete(prefix + ":lease");
            redisA.shutdown();
        }
        if (redisB != null) {
            if (redisA == null) RedisRoutingState.delete(redisB, prefix); // A died in the test
            redisB.shutdown();
        }
    }

    @Test
    void racingAcceptsAndRoutingOnTwoNodesNeverAssignTwiceNorPastCapacity() throws Exception {
        List<String> agents = List.of("ann", "bo", "cai", "dan");
        agents.forEach(id -> a.seats().register(id, id, SeatRole.AGENT, EnumSet.allOf(SkillGroup.class), CAPACITY));
        agents.forEach(id -> assertThat(b.seats().change(id, AgentStatus.ONLINE).isDone()).isTrue());
        int conversations = 40;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < conversations; i++) ids.add("c" + i);

        Random random = new Random(7);
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < conversations; i++) {
            String id = ids.get(i);
            Node node = i % 2 == 0 ? a : b;
            Instant at = clock.instant().plusMillis(i);
            work.add(() -> {
                node.router().handOff(QueueEntry.of(id, SkillGroup.PRESALES, at));
                return null;
            });
        }
        for (int i = 0; i < 120; i++) {
            Node node = i % 2 == 0 ? b : a;
            String agent = agents.get(random.nextInt(agents.size()));
            String id = ids.get(random.nextInt(conversations));
            work.add(i % 3 == 0 ? () -> {
                node.router().dispatch();
                return null;
            } : () -> {
                node.router().pick(agent, id);
                return null;
            });
        }
        java.util.Collections.shuffle(work, random);
        runAtOnce(work);

        List<Assignment> all = new ArrayList<>(a.made());
        all.addAll(b.made());
        Map<String, Integer> perConversation = new ConcurrentHashMap<>();
        all.forEach(x -> perConversation.merge(x.conversationId(), 1, Integer::sum));
        assertThat(perConversation.values()).as("assignments per conversation").allMatch(n -> n == 1);
        assertThat(all).as("every seat filled, none beyond").hasSize(agents.size() * CAPACITY);
        for (String agent : agents) {
            long owned = ids.stream().filter(id -> a.state().ledger().owner(id).filter(agent::equals).isPresent())
                    .count();
            assertThat(a.state().loads().load(agent)).as("load of " + agent).isEqualTo(CAPACITY).isEqualTo((int) owned);
            assertThat(b.router().assignmentsOf(agent)).hasSize(CAPACITY);
        }
        assertThat(a.router().waiting()).hasSize(conversations - agents.size() * CAPACITY)
                .isEqualTo(b.router().waiting());

        // a close on B frees a seat that routing on A fills with the first waiting conversation
        Assignment closing = all.get(0);
        String next = a.router().waiting().get(0).conversationId();
        assertThat(b.router().closed(closing.conversationId())).isPresent();
        List<Assignment> refill = a.router().dispatch();
        assertThat(refill).extracting(Assignment::conversationId).containsExactly(next);
        assertThat(refill.get(0).agentId()).isEqualTo(closing.agentId());
        assertThat(b.router().assignment(next))
                .hasValueSatisfying(x -> assertThat(x.agentId()).isEqualTo(closing.agentId()));
    }

    @Test
    void bothNodesSeeTheSameQueueOrderAndPlaces() {
        Instant t = clock.instant();
        a.router().handOff(QueueEntry.of("p1", SkillGroup.PRESALES, t));
        b.router().handOff(QueueEntry.of("s1", SkillGroup.AFTERSALES, t.plusSeconds(1)));
        a.router().handOff(QueueEntry.of("p2", SkillGroup.PRESALES, t.plusSeconds(2)));
        b.router().handOff(QueueEntry.of("k1", SkillGroup.COMPLAINTS, t.plusSeconds(3)));
        a.router().handOff(QueueEntry.of("p3", SkillGroup.PRESALES, t.plusSeconds(4)).withOpenOrders(true));
        b.router().handOff(QueueEntry.of("p4", SkillGroup.PRESALES, t.plusSeconds(5)));

        List<String> order = List.of("k1", "p3", "p1", "s1", "p2", "p4");
        assertThat(a.router().waiting()).extracting(QueueEntry::conversationId).isEqualTo(order);
        assertThat(b.router().waiting()).extracting(QueueEntry::conversationId).isEqualTo(order);
        RoutingPolicy policy = new RoutingPolicy();
        for (String id : order) {
            OptionalInt expected = policy.position(id, a.state().queue().all());
            assertThat(a.router().position(id)).as("place of " + id + " on A").isEqualTo(expected);
            assertThat(b.router().position(id)).as("place of " + id + " on B").isEqualTo(expected);
        }
        assertThat(a.router().position("p4")).hasValue(4);

        // a change shows at once on the node that made it, and on the other node within a second (a shopper's place
        // is answered from a snapshot up to a second old there, so it costs no round trip per message)
        assertThat(b.router().withdraw("p3")).isPresent();
        assertThat(b.router().position("p4")).hasValue(3);
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(a.router().position("p4")).hasValue(3));
        assertThat(a.router().position("p3")).isEmpty();
        a.router().handOff(QueueEntry.of("p0", SkillGroup.PRESALES, t.minusSeconds(1)));
        assertThat(a.router().position("p4")).hasValue(4);
        assertThat(a.router().position("p0")).hasValue(1);
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(b.router().position("p4")).hasValue(4));
        assertThat(b.router().position("p0")).hasValue(1);
    }

    @Test
    void timeoutsAndSilenceAreReportedOncePerClusterHoweverManyTicksRun() throws Exception {
        a.seats().register("ann", "Ann", SeatRole.AGENT, Set.of(SkillGroup.AFTERSALES), CAPACITY);
        a.seats().change("ann", AgentStatus.ONLINE);
        Instant t = clock.instant();
        for (int i = 0; i < 5; i++) b.router().handOff(QueueEntry.of("w" + i, SkillGroup.PRESALES, t));
        Outcome<?> served = b.router().handOff(QueueEntry.of("s1", SkillGroup.AFTERSALES, t));
        assertThat(a.router().assignment("s1")).isPresent().as(served.toString());
        a.router().shopperWrote("s1", t.plusSeconds(1)); // the shopper on A writes; the agent (on B) never answers

        clock.advance(settings.queueTimeout().plus(settings.silentAfter()));
        ConcurrentLinkedQueue<RoutingTick> ticks = new ConcurrentLinkedQueue<>();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Router router = i % 2 == 0 ? a.router() : b.router();
            work.add(() -> {
                ticks.add(router.tick());
                return null;
            });
        }
        runAtOnce(work);

        List<String> offered = ticks.stream().flatMap(x -> x.timedOut().stream()).map(QueueTimeout::conversationId)
                .toList();
        assertThat(offered).containsExactlyInAnyOrder("w0", "w1", "w2", "w3", "w4");
        List<SilentAgent> flagged = ticks.stream().flatMap(x -> x.newlySilent().stream()).toList();
        assertThat(flagged).extracting(SilentAgent::conversationId).containsExactly("s1");
        assertThat(b.router().silentAgents()).extracting(SilentAgent::agentId).containsExactly("ann");

        // the agent answers on B: the lead's list clears on A
        b.router().agentReplied("s1", clock.instant());
        assertThat(a.router().silentAgents()).isEmpty();
        assertThat(a.router().tick().timedOut()).isEmpty();
    }

    @Test
    void aBetterPlaceIsToldOnceWhicheverNodesNoticeIt() throws Exception {
        a.router().placeTold("q1", 3); // told on A when it queued
        AtomicInteger told = new AtomicInteger();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Router router = i % 2 == 0 ? a.router() : b.router();
            work.add(() -> {
                if (router.placeImproved("q1", 2)) told.incrementAndGet();
                return null;
            });
        }
        runAtOnce(work);

        assertThat(told).as("shoppers told their new place 2").hasValue(1);
        assertThat(b.router().placeImproved("q1", 2)).isFalse();
        assertThat(a.router().placeImproved("q1", 1)).isTrue();
    }

    @Test
    void seatRulesHoldForChangesRacingOnTwoNodes() throws Exception {
        List<String> agents = List.of("a1", "a2", "a3", "a4", "a5", "a6");
        for (String id : agents) {
            a.seats().register(id, id, SeatRole.AGENT, Set.of(SkillGroup.PRESALES), CAPACITY);
            b.seats().change(id, AgentStatus.ONLINE);
        }
        ConcurrentLinkedQueue<Outcome<SeatChange>> outcomes = new ConcurrentLinkedQueue<>();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            SeatBoard board = i % 2 == 0 ? a.seats() : b.seats();
            String id = agents.get(i);
            work.add(() -> {
                outcomes.add(board.change(id, AgentStatus.AWAY));
                return null;
            });
        }
        runAtOnce(work);

        assertThat(outcomes.stream().filter(Outcome::isDone)).as("at most two away at once").hasSize(2);
        assertThat(a.seats().awayCount()).isEqualTo(2);
        assertThat(b.seats().seats()).isEqualTo(a.seats().seats());
    }

    @Test
    void aHandOverNoteIsTakenOverOnceAcrossNodes() throws Exception {
        ShiftHandovers onA = new ShiftHandovers(a.state().handovers(), clock);
        ShiftHandovers onB = new ShiftHandovers(b.state().handovers(), clock);
        ShiftHandover note = onA.write("night", "两单待回访", List.of("c1"), List.of("20260302001")).orThrow();
        assertThat(onB.pending()).containsExactly(note);

        AtomicInteger taken = new AtomicInteger();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ShiftHandovers side = i % 2 == 0 ? onA : onB;
            String agent = "day" + i;
            work.add(() -> {
                if (side.acknowledge(note.id(), agent).isDone()) taken.incrementAndGet();
                return null;
            });
        }
        runAtOnce(work);

        assertThat(taken).hasValue(1);
        assertThat(onA.pending()).isEmpty();
        assertThat(onB.latest()).hasValueSatisfying(h -> assertThat(h.acknowledged()).isTrue());
    }

    @Test
    void oneNodeHoldsTheTickLeaseUntilItLapses() throws Exception {
        RoutingTickLease leaseA = new RoutingTickLease(redisA, prefix + ":lease", "A", Duration.ofMillis(400));
        RoutingTickLease leaseB = new RoutingTickLease(redisB, prefix + ":lease", "B", Duration.ofMillis(400));

        assertThat(leaseA.mayTick()).isTrue();
        assertThat(leaseB.mayTick()).isFalse();
        Thread.sleep(250);
        assertThat(leaseA.mayTick()).as("renewed by its holder").isTrue();
        Thread.sleep(250);
        assertThat(leaseB.mayTick()).as("still A's: renewed 250 ms ago").isFalse();
        Thread.sleep(300); // A stopped ticking (left the cluster)
        assertThat(leaseB.mayTick()).as("taken over after the ttl").isTrue();
        assertThat(leaseA.mayTick()).isFalse();
    }

    /** Starts every task at the same moment on the pool and waits for all; a task's exception fails the test. */
    private void runAtOnce(List<Callable<Void>> work) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Void>> futures = new ArrayList<>();
        for (Callable<Void> task : work) {
            futures.add(pool.submit(() -> {
                go.await();
                return task.call();
            }));
        }
        go.countDown();
        for (Future<Void> f : futures) f.get(60, TimeUnit.SECONDS);
    }

    @Test
    void whatANodeKilledMidAssignmentLeftInRedisIsRepairedByTheOtherNodesPasses() {
        a.seats().register("ann", "ann", SeatRole.AGENT, EnumSet.allOf(SkillGroup.class), CAPACITY);
        assertThat(a.seats().change("ann", AgentStatus.ONLINE).isDone()).isTrue();
        // node A reserved a place at ann and claimed c1, then died before taking c1 off the queue and recording it
        assertThat(a.state().loads().tryReserve("ann", CAPACITY)).isTrue();
        assertThat(a.state().ledger().claim("c1", "ann")).isTrue();
        assertThat(a.state().queue().add(QueueEntry.of("c1", SkillGroup.PRESALES, clock.instant()))).isTrue();
        redisA.shutdown();
        redisA = null;

        b.router().tick(); // finds c1 blocked by the claim
        b.router().tick(); // sees it again: could have been in flight the first time
        assertThat(b.router().assignment("c1")).as("not yet: the claim must be seen on two passes").isEmpty();
        b.router().tick();
        assertThat(b.router().assignment("c1")).get().extracting(Assignment::agentId).isEqualTo("ann");
        assertThat(b.router().waiting()).isEmpty();
        assertThat(b.state().loads().load("ann")).as("the dead node's place given back").isEqualTo(1);
    }
}
