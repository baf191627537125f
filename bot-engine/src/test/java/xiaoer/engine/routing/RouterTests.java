package xiaoer.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static xiaoer.engine.routing.SkillGroup.AFTERSALES;
import static xiaoer.engine.routing.SkillGroup.COMPLAINTS;
import static xiaoer.engine.routing.SkillGroup.PRESALES;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RouterTests {

    private MutableClock clock;
    private SeatBoard seats;
    private Router router;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2024-02-14T10:00");
        seats = new SeatBoard(SeatSettings.defaults(), clock);
        router = Router.inMemory(RoutingSettings.defaults(), seats, clock);
    }

    private void agent(String id, int capacity, SkillGroup... skills) {
        seats.register(id, "Agent " + id, SeatRole.AGENT, Set.of(skills), capacity);
        seats.change(id, AgentStatus.ONLINE).orThrow();
    }

    private QueueEntry entry(String id, SkillGroup group) {
        return QueueEntry.of(id, group, clock.instant());
    }

    private HandOff handOff(String id, SkillGroup group) {
        return router.handOff(entry(id, group)).orThrow();
    }

    private static String code(Outcome<?> outcome) {
        return outcome.refusal().orElseThrow().code();
    }

    // ---- routing ----

    @Test
    void aHandOffGoesAtOnceToTheLeastLoadedAgentOfTheRightGroup() {
        agent("a", 10, PRESALES);
        agent("b", 10, PRESALES);
        agent("s", 10, AFTERSALES);
        handOff("c1", PRESALES);
        clock.advance(Duration.ofSeconds(1));

        HandOff second = handOff("c2", PRESALES);
        HandOff third = handOff("c3", AFTERSALES);

        assertThat(router.assignment("c1")).get().extracting(Assignment::agentId).isEqualTo("a");
        assertThat(second.assignment()).get().extracting(Assignment::agentId).isEqualTo("b");
        assertThat(second.position()).isZero();
        assertThat(third.assignment()).get().extracting(Assignment::agentId).isEqualTo("s");
        assertThat(router.agents()).extracting(AgentState::id, AgentState::load)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("a", 1),
                        org.assertj.core.groups.Tuple.tuple("b", 1), org.assertj.core.groups.Tuple.tuple("s", 1));
    }

    @Test
    void nobodyGetsMoreThanTheirCapacityAndTheRestWaitWithTheirPlace() {
        agent("a", 2, PRESALES);

        handOff("c1", PRESALES);
        handOff("c2", PRESALES);
        HandOff third = handOff("c3", PRESALES);
        HandOff fourth = handOff("c4", PRESALES);

        assertThat(router.assignmentsOf("a")).hasSize(2);
        assertThat(third.assigned()).isFalse();
        assertThat(third.position()).isEqualTo(1);
        assertThat(fourth.position()).isEqualTo(2);
        assertThat(router.position("c4")).hasValue(2);
    }

    @Test
    void agentsOfOtherGroupsAndAgentsNotOnlineGetNothing() {
        agent("s", 10, AFTERSALES);
        agent("busy", 10, PRESALES);
        seats.change("busy", AgentStatus.BUSY).orThrow();

        HandOff h = handOff("c1", PRESALES);

        assertThat(h.assigned()).isFalse();
        assertThat(router.waiting()).extracting(QueueEntry::conversationId).containsExactly("c1");
    }

    @Test
    void freedCapacityGoesToTheQueueInPriorityOrder() {
        agent("a", 1, PRESALES, COMPLAINTS);
        handOff("first", PRESALES);
        clock.advance(Duration.ofSeconds(10));
        handOff("plain", PRESALES);
        clock.advance(Duration.ofSeconds(10));
        router.handOff(entry("buyer", PRESALES).withOpenOrders(true)).orThrow();
        clock.advance(Duration.ofSeconds(10));
        handOff("complaint", COMPLAINTS);

        assertThat(router.waiting()).extracting(QueueEntry::conversationId)
                .containsExactly("complaint", "buyer", "plain");
        router.closed("first");
        assertThat(router.dispatch()).extracting(Assignment::conversationId).containsExactly("complaint");
        router.closed("complaint");
        assertThat(router.dispatch()).extracting(Assignment::conversationId).containsExactly("buyer");
        router.closed("buyer");
        assertThat(router.dispatch()).extracting(Assignment::conversationId).containsExactly("plain");
    }

    @Test
    void theShopperGoesBackToTheAgentTheyHadLastTime() {
        agent("a", 10, PRESALES);
        agent("b", 10, PRESALES);
        handOff("x1", PRESALES);
        handOff("x2", PRESALES); // a and b have one each now
        handOff("x3", PRESALES); // a has two

        HandOff h = router.handOff(entry("c1", PRESALES).withPreviousAgent("a")).orThrow();

        assertThat(h.assignment()).get().extracting(Assignment::agentId).isEqualTo("a");
    }

    @Test
    void anAgentComingOnlineGetsTheWaitingConversations() {
        seats.register("a", "Ann", SeatRole.AGENT, Set.of(PRESALES));
        handOff("c1", PRESALES);
        handOff("c2", PRESALES);

        seats.change("a", AgentStatus.ONLINE).orThrow();
        List<Assignment> made = router.dispatch();

        assertThat(made).extracting(Assignment::agentName).containsExactly("Ann", "Ann");
        assertThat(router.waiting()).isEmpty();
    }

    @Test
    void aConversationCannotBeQueuedTwiceNorWhileAssigned() {
        agent("a", 10, PRESALES);
        handOff("c1", PRESALES);

        assertThat(code(router.handOff(entry("c1", PRESALES)))).isEqualTo("already_assigned");
        seats.change("a", AgentStatus.BUSY).orThrow();
        handOff("c2", PRESALES);
        assertThat(code(router.handOff(entry("c2", PRESALES)))).isEqualTo("already_queued");
    }

    @Test
    void waitingTimeIsMeasuredFromTheFirstHandOff() {
        handOff("c1", PRESALES);
        clock.advance(Duration.ofSeconds(45));
        agent("a", 10, PRESALES);

        Assignment a = router.dispatch().get(0);

        assertThat(a.waited()).isEqualTo(Duration.ofSeconds(45));
        assertThat(a.how()).isEqualTo(Assignment.How.ROUTED);
    }

    @Test
    void theListenerHearsOfEveryAssignmentEvenThoseMadeForOthersDuringAHandOff() {
        List<Assignment> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        router.addListener(a -> {
            throw new IllegalStateException("a broken listener must not stop routing");
        });
        router.addListener(heard::add);
        seats.register("a", "Ann", SeatRole.AGENT, Set.of(PRESALES));
        handOff("c1", PRESALES);
        seats.change("a", AgentStatus.ONLINE).orThrow(); // nobody dispatched yet

        HandOff h = handOff("c2", PRESALES);

        assertThat(h.assigned()).isTrue();
        assertThat(heard).extracting(Assignment::conversationId).containsExactly("c1", "c2");
        router.pick("a", "nope");
        assertThat(heard).hasSize(2);
    }

    // ---- picking ----

    @Test
    void anAgentPicksAWaitingConversation() {
        seats.register("a", "Ann", SeatRole.AGENT, Set.of(PRESALES));
        handOff("c1", PRESALES);
        seats.change("a", AgentStatus.BUSY).orThrow(); // busy: no automatic work, but may pick

        Assignment a = router.pick("a", "c1").orThrow();

        assertThat(a.how()).isEqualTo(Assignment.How.PICKED);
        assertThat(router.waiting()).isEmpty();
        assertThat(router.agents().get(0).load()).isEqualTo(1);
    }

    @Test
    void aPickIsRefusedWithTheReason() {
        seats.register("a", "Ann", SeatRole.AGENT, Set.of(PRESALES), 1);
        seats.register("off", "Olga", SeatRole.AGENT, Set.of(PRESALES));
        seats.change("a", AgentStatus.BUSY).orThrow();
        handOff("p1", PRESALES);
        handOff("p2", PRESALES);
        handOff("s1", AFTERSALES);

        assertThat(code(router.pick("ghost", "p1"))).isEqualTo("unknown_agent");
        assertThat(code(router.pick("off", "p1"))).isEqualTo("agent_unavailable");
        assertThat(code(router.pick("a", "s1"))).isEqualTo("wrong_skill");
        assertThat(code(router.pick("a", "nope"))).isEqualTo("unknown_conversation");
        router.pick("a", "p1").orThrow();
        assertThat(code(router.pick("a", "p2"))).isEqualTo("at_capacity");
        assertThat(code(router.pick("a", "p1"))).isEqualTo("already_assigned");
        assertThat(router.pick("a", "p2").refusal().orElseThrow().message())
                .isEqualTo("Ann already holds 1 conversations.");
    }

    @Test
    void theLeadMayPickFromAnyGroup() {
        seats.register("lead", "Lee", SeatRole.LEAD, Set.of(PRESALES));
        seats.change("lead", AgentStatus.BUSY).orThrow();
        handOff("c1", COMPLAINTS);

        assertThat(router.pick("lead", "c1").isDone()).isTrue();
    }

    // ---- transfers ----

    @Test
    void toAColleagueMovesTheLoadAndCarriesTheNote() {
        agent("a", 10, PRESALES);
        handOff("c1", PRESALES);
        agent("b", 10, AFTERSALES);

        Transfer t = router.transferToAgent("c1", "a", "b", "wants to return the blue coat").orThrow();

        assertThat(t.toAgentId()).isEqualTo("b");
        assertThat(t.note()).isEqualTo("wants to return the blue coat");
        assertThat(t.assignment()).get().extracting(Assignment::how).isEqualTo(Assignment.How.TRANSFERRED);
        assertThat(router.assignment("c1")).get().extracting(Assignment::agentId).isEqualTo("b");
        assertThat(router.agents()).filteredOn(s -> s.id().equals("a")).extracting(AgentState::load)
                .containsExactly(0);
        assertThat(router.agents()).filteredOn(s -> s.id().equals("b")).extracting(AgentState::load)
                .containsExactly(1);
    }

    @Test
    void aTransferIsRefusedWithTheReason() {
        agent("a", 10, PRESALES);
        handOff("c1", PRESALES);
        agent("full", 1, PRESALES);
        seats.change("a", AgentStatus.BUSY).orThrow();
        handOff("c2", PRESALES); // goes to "full"
        seats.register("away", "Amy", SeatRole.AGENT, Set.of(PRESALES));
        seats.change("away", AgentStatus.ONLINE).orThrow();
        seats.change("away", AgentStatus.AWAY).orThrow();

        assertThat(code(router.transferToAgent("c1", "a", "full", " "))).isEqualTo("note_required");
        assertThat(code(router.transferToAgent("c1", "full", "a", "x"))).isEqualTo("not_owner");
        assertThat(code(router.transferToAgent("c1", "a", "a", "x"))).isEqualTo("same_agent");
        assertThat(code(router.transferToAgent("c1", "a", "ghost", "x"))).isEqualTo("unknown_agent");
        assertThat(code(router.transferToAgent("c1", "a", "away", "x"))).isEqualTo("agent_unavailable");
        assertThat(code(router.transferToAgent("c1", "a", "full", "x"))).isEqualTo("at_capacity");
        assertThat(code(router.transferToAgent("zz", "a", "full", "x"))).isEqualTo("unknown_conversation");
        assertThat(router.assignment("c1")).get().extracting(Assignment::agentId).isEqualTo("a");
    }

    @Test
    void toAGroupGoesToThatGroupsAgentAndNeverBackToTheSender() {
        agent("a", 10, PRESALES, AFTERSALES);
        handOff("c1", PRESALES);

        Transfer t = router.transferToGroup("c1", "a", AFTERSALES, "return case").orThrow();

        assertThat(t.assignment()).isEmpty();
        assertThat(t.position()).isEqualTo(1);
        assertThat(router.waiting()).singleElement().satisfies(e -> {
            assertThat(e.skill()).isEqualTo(AFTERSALES);
            assertThat(e.avoidAgentId()).isEqualTo("a");
        });
        agent("s", 10, AFTERSALES);
        assertThat(router.dispatch()).extracting(Assignment::agentId).containsExactly("s");
    }

    @Test
    void aGroupTransferKeepsTheShoppersPlaceButRestartsTheTimeout() {
        agent("a", 10, PRESALES);
        handOff("old", PRESALES);
        clock.advance(Duration.ofSeconds(1));
        handOff("newer", AFTERSALES);
        clock.advance(Duration.ofMinutes(10));

        router.transferToGroup("old", "a", AFTERSALES, "after-sales question").orThrow();

        assertThat(router.position("old")).hasValue(1);
        assertThat(router.position("newer")).hasValue(2);
        RoutingTick tick = router.tick();
        assertThat(tick.timedOut()).extracting(QueueTimeout::conversationId).containsExactly("newer");
    }

    @Test
    void aTransferToAGroupWithAFreeAgentIsAssignedAtOnce() {
        agent("a", 10, PRESALES);
        agent("s", 10, AFTERSALES);
        handOff("c1", PRESALES);

        Transfer t = router.transferToGroup("c1", "a", AFTERSALES, "refund").orThrow();

        assertThat(t.assignment()).get().extracting(Assignment::agentId).isEqualTo("s");
        assertThat(t.position()).isZero();
    }

    // ---- endings ----

    @Test
    void closingFreesTheSeatForTheNextShopper() {
        agent("a", 1, PRESALES);
        handOff("c1", PRESALES);
        handOff("c2", PRESALES);

        assertThat(router.closed("c1")).get().extracting(Assignment::agentId).isEqualTo("a");
        assertThat(router.dispatch()).extracting(Assignment::conversationId).containsExactly("c2");
        assertThat(router.closed("c1")).isEmpty();
    }

    @Test
    void closingAWaitingConversationTakesItOutOfTheQueue() {
        handOff("c1", PRESALES);

        router.closed("c1");

        assertThat(router.waiting()).isEmpty();
    }

    @Test
    void anAgentGoingOfflineSendsTheirConversationsBackToTheFrontOfTheQueue() {
        agent("a", 10, PRESALES);
        handOff("c1", PRESALES);
        clock.advance(Duration.ofMinutes(1));
        seats.change("a", AgentStatus.BUSY).orThrow();
        handOff("later", PRESALES);
        seats.change("a", AgentStatus.OFFLINE).orThrow();

        List<QueueEntry> back = router.agentLeft("a");

        assertThat(back).extracting(QueueEntry::conversationId).containsExactly("c1");
        assertThat(router.waiting()).extracting(QueueEntry::conversationId).containsExactly("c1", "later");
        assertThat(router.agents().get(0).load()).isZero();
    }

    // ---- timeouts ----

    @Test
    void aShopperWaitingTenMinutesIsOfferedToLeaveAMessageOnce() {
        handOff("c1", PRESALES);
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(router.tick().timedOut()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        RoutingTick tick = router.tick();

        assertThat(tick.timedOut()).singleElement().satisfies(t -> {
            assertThat(t.conversationId()).isEqualTo("c1");
            assertThat(t.waited()).isEqualTo(Duration.ofMinutes(10));
            assertThat(t.messageKey()).isEqualTo("routing.queue_timeout.offer");
        });
        clock.advance(Duration.ofMinutes(1));
        assertThat(router.tick().timedOut()).isEmpty();
    }

    @Test
    void leavingAMessageTakesTheShopperOutOfTheQueue() {
        handOff("c1", PRESALES);
        handOff("c2", PRESALES);

        assertThat(router.withdraw("c1")).get().extracting(QueueEntry::skill).isEqualTo(PRESALES);
        assertThat(router.withdraw("c1")).isEmpty();
        assertThat(router.position("c2")).hasValue(1);
    }

    @Test
    void theTimeoutIsConfigurable() {
        router = Router.inMemory(new RoutingSettings(Duration.ofSeconds(30), Duration.ofMinutes(2),
                MutableClock.SHANGHAI), seats, clock);
        handOff("c1", PRESALES);
        clock.advance(Duration.ofMinutes(2));

        assertThat(router.tick().timedOut()).hasSize(1);
    }

    // ---- silent agents ----

    /** Agents a and b online; c1 is with a. */
    private void oneConversationWithAnn() {
        agent("a", 10, PRESALES);
        agent("b", 10, PRESALES);
        handOff("c1", PRESALES); // to a
    }

    @Test
    void anAgentSilentForTwoMinutesAfterTheShoppersMessageIsFlaggedOnce() {
        oneConversationWithAnn();
        router.shopperWrote("c1", clock.instant());
        clock.advance(Duration.ofSeconds(119));
        assertThat(router.tick().newlySilent()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        RoutingTick tick = router.tick();

        assertThat(tick.newlySilent()).singleElement().satisfies(s -> {
            assertThat(s.conversationId()).isEqualTo("c1");
            assertThat(s.agentId()).isEqualTo("a");
            assertThat(s.silentFor()).isEqualTo(Duration.ofSeconds(120));
        });
        clock.advance(Duration.ofSeconds(30));
        assertThat(router.tick().newlySilent()).isEmpty();
        assertThat(router.silentAgents()).extracting(SilentAgent::silentFor)
                .containsExactly(Duration.ofSeconds(150));
    }

    @Test
    void theShopperWritingAgainDoesNotResetTheAgentsClock() {
        oneConversationWithAnn();
        router.shopperWrote("c1", clock.instant());
        clock.advance(Duration.ofSeconds(100));
        router.shopperWrote("c1", clock.instant());
        clock.advance(Duration.ofSeconds(20));

        assertThat(router.tick().newlySilent()).hasSize(1);
    }

    @Test
    void aReplyStopsTheClockAndClearsTheFlag() {
        oneConversationWithAnn();
        router.shopperWrote("c1", clock.instant());
        clock.advance(Duration.ofSeconds(200));
        router.tick();
        router.agentReplied("c1", clock.instant());

        assertThat(router.silentAgents()).isEmpty();
        clock.advance(Duration.ofSeconds(500));
        assertThat(router.tick().newlySilent()).isEmpty();

        router.shopperWrote("c1", clock.instant());
        clock.advance(Duration.ofSeconds(120));
        assertThat(router.tick().newlySilent()).hasSize(1);
    }

    @Test
    void theAgentsClockStartsWhenTheyGetTheConversation() {
        oneConversationWithAnn();
        router.handOff(entry("c2", PRESALES)).orThrow(); // to b
        router.shopperWrote("waiting", clock.instant()); // unknown to routing: ignored
        seats.change("a", AgentStatus.BUSY).orThrow();
        seats.change("b", AgentStatus.BUSY).orThrow();
        handOff("c3", PRESALES);
        router.shopperWrote("c3", clock.instant());
        clock.advance(Duration.ofMinutes(5));
        seats.change("b", AgentStatus.ONLINE).orThrow();
        router.dispatch();

        clock.advance(Duration.ofSeconds(60));
        assertThat(router.silentAgents()).isEmpty();
        clock.advance(Duration.ofSeconds(60));
        assertThat(router.silentAgents()).extracting(SilentAgent::conversationId).containsExactly("c3");
    }

    @Test
    void theLeadReassignsASilentAgentsConversationToAnotherAgent() {
        oneConversationWithAnn();
        router.shopperWrote("c1", clock.instant());
        clock.advance(Duration.ofMinutes(3));
        router.tick();

        Transfer t = router.reassign("c1", "Ann has not answered").orThrow();

        assertThat(t.fromAgentId()).isEqualTo("a");
        assertThat(t.toAgentId()).isEqualTo("b");
        assertThat(t.assignment()).get().extracting(Assignment::how).isEqualTo(Assignment.How.REASSIGNED);
        assertThat(router.silentAgents()).isEmpty(); // b's clock starts now
        clock.advance(Duration.ofMinutes(2));
        assertThat(router.silentAgents()).extracting(SilentAgent::agentId).containsExactly("b");
    }

    @Test
    void withNobodyElseFreeAReassignedConversationWaitsAtTheFront() {
        oneConversationWithAnn();
        seats.change("b", AgentStatus.OFFLINE).orThrow();
        clock.advance(Duration.ofMinutes(1));
        seats.change("a", AgentStatus.BUSY).orThrow();
        handOff("later", PRESALES);

        Transfer t = router.reassign("c1", null).orThrow();

        assertThat(t.toAgentId()).isNull();
        assertThat(t.position()).isEqualTo(1);
        assertThat(router.assignmentsOf("a")).isEmpty();
        assertThat(code(router.reassign("zz", "x"))).isEqualTo("unknown_conversation");
    }

    @Test
    void aResumedConversationCountsForItsAgentEvenPastCapacityAndIsNeverOwnedTwice() {
        agent("a", 1, PRESALES);
        agent("b", 5, PRESALES);
        handOff("c1", PRESALES); // a is full now

        assertThat(router.resume(entry("stored", PRESALES), "a")).isTrue();
        assertThat(router.assignment("stored")).get().extracting(Assignment::how).isEqualTo(Assignment.How.RESUMED);
        assertThat(router.agents()).filteredOn(s -> s.id().equals("a")).extracting(AgentState::load)
                .containsExactly(2);
        assertThat(router.resume(entry("stored", PRESALES), "b")).as("owned already").isFalse();
        assertThat(router.resume(entry("other", PRESALES), "nobody")).as("unknown seat").isFalse();
        assertThat(router.assignment("other")).isEmpty();

        router.closed("stored");
        assertThat(router.agents()).filteredOn(s -> s.id().equals("a")).extracting(AgentState::load)
                .containsExactly(1);
    }

    @Test
    void anAssignmentCutOffHalfWayIsRepairedOnTheSecondPassThatSeesIt() {
        InMemoryWaitingQueue queue = new InMemoryWaitingQueue();
        InMemoryAssignmentLedger ledger = new InMemoryAssignmentLedger();
        InMemoryAgentLoads loads = new InMemoryAgentLoads();
        router = new Router(RoutingSettings.defaults(), queue, ledger, loads, seats, clock);
        agent("a", 2, PRESALES);
        // a node died after reserving a place at a and claiming c1, before taking c1 off the queue and recording it
        assertThat(loads.tryReserve("a", 2)).isTrue();
        assertThat(ledger.claim("c1", "a")).isTrue();
        assertThat(queue.add(entry("c1", PRESALES))).isTrue();

        router.dispatch();
        assertThat(router.assignment("c1")).as("the stale claim blocks it").isEmpty();

        router.tick();
        assertThat(router.position("c1")).as("one pass repairs nothing: it could be in flight").hasValue(1);
        assertThat(loads.load("a")).isEqualTo(1);

        router.tick();
        assertThat(router.assignment("c1")).get().extracting(Assignment::agentId).isEqualTo("a");
        assertThat(router.position("c1")).isEmpty();
        assertThat(loads.load("a")).as("the dead node's place given back, c1's taken").isEqualTo(1);

        router.tick();
        router.tick();
        assertThat(loads.load("a")).as("a consistent state is left alone").isEqualTo(1);
    }

    @Test
    void aLoadBelowWhatTheAgentHoldsIsCorrectedToo() {
        InMemoryAgentLoads loads = new InMemoryAgentLoads();
        router = new Router(RoutingSettings.defaults(), new InMemoryWaitingQueue(), new InMemoryAssignmentLedger(),
                loads, seats, clock);
        agent("a", 2, PRESALES);
        handOff("c1", PRESALES);
        loads.release("a"); // a release counted twice
        router.tick();
        assertThat(loads.load("a")).isZero();
        router.tick();
        assertThat(loads.load("a")).isEqualTo(1);
        handOff("c2", PRESALES);
        assertThat(handOff("c3", PRESALES).assigned()).as("capacity 2 holds again").isFalse();
    }
}
