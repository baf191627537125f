package xiaoer.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import xiaoer.engine.testing.ForwardingWaitingQueue;

/**
 * The shopper's place comes from an ordered snapshot kept per queue version (issue 10): the same answer as ordering
 * the whole queue each time, without reading or ordering it again while nothing changed.
 */
class QueuePositionTests {

    private final MutableClock clock = MutableClock.at("2024-02-14T10:00");
    private final CountingQueue queue = new CountingQueue();
    private final Router router = new Router(RoutingSettings.defaults(), queue, new InMemoryAssignmentLedger(),
            new InMemoryAgentLoads(), new SeatBoard(SeatSettings.defaults(), clock), clock);
    private final RoutingPolicy policy = new RoutingPolicy();

    @Test
    void placesAndOrderMatchThePolicyThroughAddsAndWithdrawals() {
        Random random = new Random(42);
        List<String> ids = new ArrayList<>();
        Instant start = clock.instant();
        for (int round = 0; round < 400; round++) {
            if (!ids.isEmpty() && random.nextInt(4) == 0) {
                String gone = ids.remove(random.nextInt(ids.size()));
                assertThat(router.withdraw(gone)).isPresent();
            } else {
                String id = "c" + round;
                SkillGroup skill = SkillGroup.values()[random.nextInt(SkillGroup.values().length)];
                // a few entries share a time: the id breaks the tie
                QueueEntry entry = QueueEntry.of(id, skill, start.plusSeconds(random.nextInt(50)))
                        .withOpenOrders(random.nextBoolean());
                assertThat(router.handOff(entry).isDone()).isTrue();
                ids.add(id);
            }
            List<QueueEntry> all = queue.all();
            assertThat(router.waiting()).isEqualTo(policy.order(all));
            for (String id : ids) {
                assertThat(router.position(id)).as("place of " + id).isEqualTo(policy.position(id, all));
            }
        }
        assertThat(router.position("never-queued")).isEqualTo(OptionalInt.empty());
    }

    @Test
    void placesAreReadWithoutReorderingTheQueueUntilItChanges() {
        for (int i = 0; i < 200; i++) {
            router.handOff(QueueEntry.of("c" + i, SkillGroup.PRESALES, clock.instant().plusSeconds(i)));
        }
        router.position("c0");
        int reads = queue.reads.get();

        for (int message = 0; message < 1_000; message++) {
            assertThat(router.position("c" + (message % 200))).hasValue(message % 200 + 1);
        }
        assertThat(queue.reads.get()).as("whole-queue reads for 1000 places").isEqualTo(reads);

        router.withdraw("c0");
        assertThat(router.position("c199")).hasValue(199);
        assertThat(router.position("c1")).hasValue(1);
        assertThat(queue.reads.get()).as("one rebuild after a change").isEqualTo(reads + 1);
    }

    @Test
    void arrivalsAtTheBackAreAppendedWithoutReadingTheQueueAgain() {
        Instant start = clock.instant();
        router.handOff(QueueEntry.of("first", SkillGroup.PRESALES, start));
        router.position("first");
        int reads = queue.reads.get();
        SkillGroup[] groups = {SkillGroup.PRESALES, SkillGroup.AFTERSALES};
        for (int i = 0; i < 300; i++) {
            QueueEntry entry = QueueEntry.of("a" + i, groups[i % 2], start.plusSeconds(1 + i));
            assertThat(router.handOff(entry).orThrow().position()).isEqualTo(policy.position("a" + i, queue.entries()).getAsInt());
        }
        List<QueueEntry> all = queue.entries();
        assertThat(router.waiting()).isEqualTo(policy.order(all));
        for (QueueEntry e : all) assertThat(router.position(e.conversationId())).isEqualTo(policy.position(e.conversationId(), all));
        assertThat(queue.reads.get()).as("whole-queue reads by the router for 300 arrivals at the back")
                .isEqualTo(reads);

        // a complaint goes ahead of everyone: not an append, so the next place is read from a rebuilt order
        router.handOff(QueueEntry.of("angry", SkillGroup.COMPLAINTS, start.plusSeconds(400)));
        router.handOff(QueueEntry.of("early", SkillGroup.PRESALES, start.minusSeconds(5)));
        all = queue.entries();
        assertThat(router.waiting()).isEqualTo(policy.order(all));
        for (QueueEntry e : all) assertThat(router.position(e.conversationId())).isEqualTo(policy.position(e.conversationId(), all));
    }

    @Test
    void onASharedQueueArrivalsGetTheirPlaceWithoutReadingTheQueueWhileOtherNodesAddToo() throws Exception {
        CountingQueue shared = new CountingQueue(true);
        Router nodeA = new Router(RoutingSettings.defaults(), shared, new InMemoryAssignmentLedger(),
                new InMemoryAgentLoads(), new SeatBoard(SeatSettings.defaults(), clock), clock);
        Router nodeB = new Router(RoutingSettings.defaults(), shared, new InMemoryAssignmentLedger(),
                new InMemoryAgentLoads(), new SeatBoard(SeatSettings.defaults(), clock), clock);
        Instant start = clock.instant();
        nodeA.handOff(QueueEntry.of("a-first", SkillGroup.PRESALES, start));
        int reads = shared.reads.get();
        for (int i = 0; i < 20; i++) {
            nodeB.handOff(QueueEntry.of("b" + i, SkillGroup.PRESALES, start.plusMillis(2 * i + 1)));
            int placeOfA = nodeA.handOff(QueueEntry.of("a" + i, SkillGroup.PRESALES, start.plusMillis(2 * i + 2)))
                    .orThrow().position();
            assertThat(placeOfA).as("a%d's place, other nodes' arrivals of the last moment not counted", i)
                    .isBetween(i + 2, 2 * i + 3);
        }
        assertThat(shared.reads.get() - reads).as("node A's whole-queue reads for its 20 arrivals").isLessThan(3);

        Thread.sleep(1_100); // older than a place may be on a shared queue: the next place is read afresh
        assertThat(nodeA.position("a19")).isEqualTo(policy.position("a19", shared.entries()));
    }

    /** The in-memory queue, counting how often the router reads it whole. */
    private static final class CountingQueue extends ForwardingWaitingQueue {
        final AtomicInteger reads = new AtomicInteger();
        final boolean shared;

        CountingQueue() {
            this(false);
        }

        /** @param shared pretend other nodes change it too (as the Redis queue in cluster mode) */
        CountingQueue(boolean shared) {
            this.shared = shared;
        }

        @Override
        public boolean shared() {
            return shared;
        }

        @Override
        public List<QueueEntry> all() {
            reads.incrementAndGet();
            return super.all();
        }

        /** The entries without counting a read (the test's own checks). */
        List<QueueEntry> entries() {
            return inner.all();
        }
    }
}
