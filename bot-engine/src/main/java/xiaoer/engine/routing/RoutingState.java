package xiaoer.engine.routing;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything routing remembers, as ports: in this JVM's memory for the embedded default and tests, or in Redis in
 * cluster mode so that every node's {@link Router} and {@link SeatBoard} work on one queue, one set of owners, loads,
 * seats and clocks. A router keeps nothing else but its listeners and a cache of the ordered queue.
 *
 * @param queue         the waiting conversations
 * @param ledger        who owns which conversation (the atomic claim)
 * @param loads         conversations per agent against capacity (the atomic reservation)
 * @param assignments   the details of each owned conversation (entry, agent, how, when)
 * @param silence       the per-conversation silence clocks
 * @param timeoutOffers the conversations offered to leave a message in their current stay in the queue, with when
 * @param tallies       per agent, last assignment and today's count (tie-breaks)
 * @param placesTold    the place each waiting shopper was told last (a new message only when it improves)
 * @param seats         the seat roster
 * @param handovers     the shift hand-over notes
 */
public record RoutingState(WaitingQueue queue, AssignmentLedger ledger, AgentLoads loads,
                           StateMap<Assignment> assignments, StateMap<SilenceClock> silence,
                           StateMap<Instant> timeoutOffers, StateMap<AssignmentTally> tallies,
                           StateMap<Integer> placesTold, SeatStore seats, HandoverStore handovers) {

    public RoutingState {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(loads, "loads");
        Objects.requireNonNull(assignments, "assignments");
        Objects.requireNonNull(silence, "silence");
        Objects.requireNonNull(timeoutOffers, "timeoutOffers");
        Objects.requireNonNull(tallies, "tallies");
        Objects.requireNonNull(placesTold, "placesTold");
        Objects.requireNonNull(seats, "seats");
        Objects.requireNonNull(handovers, "handovers");
    }

    /** Everything in this JVM's memory. */
    public static RoutingState inMemory() {
        return inMemory(new InMemoryWaitingQueue(), new InMemoryAssignmentLedger(), new InMemoryAgentLoads());
    }

    /** The given queue, ledger and loads; the rest in memory. */
    public static RoutingState inMemory(WaitingQueue queue, AssignmentLedger ledger, AgentLoads loads) {
        return new RoutingState(queue, ledger, loads, new InMemoryStateMap<>(), new InMemoryStateMap<>(),
                new InMemoryStateMap<>(), new InMemoryStateMap<>(), new InMemoryStateMap<>(), new InMemorySeatStore(),
                new InMemoryHandoverStore());
    }
}
