package xiaoer.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingPolicyTests {

    private static final Instant T0 = Instant.parse("2024-02-14T02:00:00Z");
    private final RoutingPolicy policy = new RoutingPolicy();

    private static AgentState agent(String id, AgentStatus status, int load, Set<SkillGroup> skills) {
        return new AgentState(new AgentSeat(id, id, SeatRole.AGENT, status, skills, 10, T0), load, null, 0);
    }

    private static AgentState online(String id, int load) {
        return agent(id, AgentStatus.ONLINE, load, Set.of(SkillGroup.PRESALES));
    }

    private static QueueEntry presales(String id, int minute) {
        return QueueEntry.of(id, SkillGroup.PRESALES, T0.plusSeconds(60L * minute));
    }

    @Test
    void complaintsGoFirstThenBuyersWithOpenOrdersThenTheRestFirstComeFirstServed() {
        QueueEntry early = presales("early", 1);
        QueueEntry late = presales("late", 5);
        QueueEntry buyer = presales("buyer", 4).withOpenOrders(true);
        QueueEntry complaint = QueueEntry.of("complaint", SkillGroup.COMPLAINTS, T0.plusSeconds(600));
        QueueEntry earlierBuyer = presales("earlierBuyer", 2).withOpenOrders(true);

        assertThat(policy.order(List.of(late, early, buyer, complaint, earlierBuyer)))
                .extracting(QueueEntry::conversationId)
                .containsExactly("complaint", "earlierBuyer", "buyer", "early", "late");
        assertThat(complaint.priority()).isEqualTo(QueuePriority.COMPLAINT);
        assertThat(buyer.priority()).isEqualTo(QueuePriority.OPEN_ORDER_BUYER);
        assertThat(early.priority()).isEqualTo(QueuePriority.STANDARD);
    }

    @Test
    void onlyOnlineAgentsWithTheSkillAndRoomAreCandidates() {
        List<AgentState> agents = List.of(
                online("free", 3),
                online("full", 10),
                agent("busy", AgentStatus.BUSY, 0, Set.of(SkillGroup.PRESALES)),
                agent("away", AgentStatus.AWAY, 0, Set.of(SkillGroup.PRESALES)),
                agent("offline", AgentStatus.OFFLINE, 0, Set.of(SkillGroup.PRESALES)),
                agent("afterSales", AgentStatus.ONLINE, 0, Set.of(SkillGroup.AFTERSALES)));

        assertThat(policy.rank(presales("c1", 0), agents)).extracting(AgentState::id).containsExactly("free");
    }

    @Test
    void theLeastLoadedAgentGetsTheConversation() {
        List<AgentState> agents = List.of(online("a", 4), online("b", 1), online("c", 2));

        assertThat(policy.rank(presales("c1", 0), agents)).extracting(AgentState::id).containsExactly("b", "c", "a");
    }

    @Test
    void theShoppersPreviousAgentIsPreferredWhenEligibleEvenIfBusier() {
        List<AgentState> agents = List.of(online("a", 7), online("b", 0));

        assertThat(policy.choose(presales("c1", 0).withPreviousAgent("a"), agents)).get()
                .extracting(AgentState::id).isEqualTo("a");
    }

    @Test
    void stickinessGivesWayWhenThePreviousAgentCannotTakeIt() {
        List<AgentState> agents = List.of(online("a", 10), online("b", 3),
                agent("c", AgentStatus.AWAY, 0, Set.of(SkillGroup.PRESALES)));

        assertThat(policy.choose(presales("c1", 0).withPreviousAgent("a"), agents)).get()
                .extracting(AgentState::id).isEqualTo("b");
        assertThat(policy.choose(presales("c1", 0).withPreviousAgent("c"), agents)).get()
                .extracting(AgentState::id).isEqualTo("b");
    }

    @Test
    void onEqualLoadTheAgentIdleLongestThenWithFewestAssignmentsTodayGoesFirst() {
        AgentSeat seat = new AgentSeat("x", "x", SeatRole.AGENT, AgentStatus.ONLINE, Set.of(SkillGroup.PRESALES), 10, T0);
        AgentState recent = new AgentState(seat, 2, T0.plusSeconds(300), 1);
        AgentState idleLong = new AgentState(rename(seat, "idleLong"), 2, T0.plusSeconds(10), 9);
        AgentState never = new AgentState(rename(seat, "never"), 2, null, 0);
        AgentState sameTimeMore = new AgentState(rename(seat, "sameTimeMore"), 2, T0.plusSeconds(300), 5);

        assertThat(policy.rank(presales("c1", 0), List.of(recent, sameTimeMore, idleLong, never)))
                .extracting(AgentState::id).containsExactly("never", "idleLong", "x", "sameTimeMore");
    }

    @Test
    void anAgentToAvoidIsNeverChosen() {
        QueueEntry entry = presales("c1", 0).requeued(SkillGroup.PRESALES, T0, "a").withPreviousAgent("a");

        assertThat(policy.rank(entry, List.of(online("a", 0), online("b", 5))))
                .extracting(AgentState::id).containsExactly("b");
    }

    @Test
    void theShoppersPlaceCountsOnlyThoseAheadInTheSameGroup() {
        List<QueueEntry> waiting = List.of(
                presales("p1", 1), presales("p2", 2), presales("p3", 3).withOpenOrders(true),
                QueueEntry.of("a1", SkillGroup.AFTERSALES, T0));

        assertThat(policy.position("p3", waiting)).hasValue(1);
        assertThat(policy.position("p1", waiting)).hasValue(2);
        assertThat(policy.position("p2", waiting)).hasValue(3);
        assertThat(policy.position("a1", waiting)).hasValue(1);
        assertThat(policy.position("nope", waiting)).isEmpty();
    }

    private static AgentSeat rename(AgentSeat s, String id) {
        return new AgentSeat(id, id, s.role(), s.status(), s.skills(), s.capacity(), s.statusSince());
    }
}
