package xiaoer.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static xiaoer.engine.routing.AgentStatus.AWAY;
import static xiaoer.engine.routing.AgentStatus.BUSY;
import static xiaoer.engine.routing.AgentStatus.OFFLINE;
import static xiaoer.engine.routing.AgentStatus.ONLINE;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SeatBoardTests {

    private MutableClock clock;
    private SeatBoard board;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2024-02-14T10:00");
        board = new SeatBoard(SeatSettings.defaults(), clock);
        board.register("lead", "Lee", SeatRole.LEAD, Set.of(SkillGroup.COMPLAINTS));
        for (String id : List.of("a", "b", "c", "d", "e")) {
            board.register(id, "Agent " + id, SeatRole.AGENT, Set.of(SkillGroup.PRESALES));
            board.change(id, ONLINE).orThrow();
        }
        board.change("lead", ONLINE).orThrow();
    }

    private static String code(Outcome<?> outcome) {
        return outcome.refusal().orElseThrow().code();
    }

    @Test
    void aNewSeatStartsOfflineAndKeepsItsStatusWhenItsProfileChanges() {
        AgentSeat seat = board.register("f", "Fay", SeatRole.AGENT, Set.of(SkillGroup.PRESALES));
        assertThat(seat.status()).isEqualTo(OFFLINE);
        assertThat(seat.capacity()).isEqualTo(10);

        board.change("f", BUSY).orThrow();
        AgentSeat updated = board.register("f", "Fay L.", SeatRole.AGENT, Set.of(SkillGroup.AFTERSALES), 6);

        assertThat(updated.status()).isEqualTo(BUSY);
        assertThat(updated.capacity()).isEqualTo(6);
        assertThat(board.seat("f")).hasValue(updated);
        assertThat(code(board.change("ghost", ONLINE))).isEqualTo("unknown_agent");
    }

    // ---- away breaks ----

    @Test
    void aThirdAwayIsRefusedWithTheReason() {
        board.change("a", AWAY).orThrow();
        board.change("b", AWAY).orThrow();

        Outcome<SeatChange> third = board.change("c", AWAY);

        Refusal why = third.refusal().orElseThrow();
        assertThat(why.code()).isEqualTo("too_many_away");
        assertThat(why.message()).isEqualTo("2 agents are away already (at most 2 at a time); try again when one is back.");
        assertThat(why.messageKey()).isEqualTo("routing.refused.too_many_away");
        assertThat(why.args()).containsEntry("away", "2").containsEntry("max", "2");
        assertThat(board.seat("c").orElseThrow().status()).isEqualTo(ONLINE);
    }

    @Test
    void whenOneComesBackTheNextMayGo() {
        board.change("a", AWAY).orThrow();
        board.change("b", AWAY).orThrow();
        board.change("a", ONLINE).orThrow();

        assertThat(board.change("c", AWAY).isDone()).isTrue();
        assertThat(board.awayCount()).isEqualTo(2);
    }

    @Test
    void theLimitIsConfigurable() {
        board = new SeatBoard(new SeatSettings(1, Duration.ofMinutes(10), StaffingSchedule.defaults()), clock);
        board.register("a", "A", SeatRole.AGENT, Set.of());
        board.register("b", "B", SeatRole.AGENT, Set.of());
        board.change("a", AWAY).orThrow();

        assertThat(code(board.change("b", AWAY))).isEqualTo("too_many_away");
    }

    @Test
    void anAwayBreakPastFifteenMinutesIsReported() {
        board.change("a", AWAY).orThrow();
        clock.advance(Duration.ofMinutes(5));
        board.change("b", AWAY).orThrow();
        clock.advance(Duration.ofMinutes(10));
        assertThat(board.overdueAways()).isEmpty();

        clock.advance(Duration.ofMinutes(3));

        assertThat(board.overdueAways()).singleElement().satisfies(o -> {
            assertThat(o.agentId()).isEqualTo("a");
            assertThat(o.overdueBy()).isEqualTo(Duration.ofMinutes(3));
        });
        clock.advance(Duration.ofMinutes(10));
        assertThat(board.overdueAways()).extracting(OverdueAway::agentId).containsExactly("a", "b");
    }

    @Test
    void askingForAwayAgainDoesNotRestartTheBreak() {
        board.change("a", AWAY).orThrow();
        clock.advance(Duration.ofMinutes(20));

        SeatChange again = board.change("a", AWAY).orThrow();

        assertThat(again.changed()).isFalse();
        assertThat(board.overdueAways()).hasSize(1);
    }

    @Test
    void onlyTwoOfManySimultaneousAwayRequestsSucceed() throws Exception {
        List<Boolean> results = InMemoryPortsTests.race(5,
                i -> board.change(List.of("a", "b", "c", "d", "e").get(i), AWAY).isDone());

        assertThat(results).filteredOn(b -> b).hasSize(2);
        assertThat(board.awayCount()).isEqualTo(2);
    }

    // ---- staffing ----

    @Test
    void fewerThanFourOnDutyInOpeningHoursWarnsTheLead() {
        assertThat(board.staffingWarning()).isEmpty();
        board.change("a", AWAY).orThrow();
        assertThat(board.staffingWarning()).isEmpty(); // b, c, d, e
        board.change("b", OFFLINE).orThrow();

        StaffingWarning w = board.staffingWarning().orElseThrow();

        assertThat(w.required()).isEqualTo(4);
        assertThat(w.onDuty()).isEqualTo(3);
        assertThat(w.window().name()).isEqualTo("opening hours");
        assertThat(w.messageKey()).isEqualTo("routing.staffing.too_few");
        assertThat(w.message()).isEqualTo("Only 3 of the 4 agents needed in opening hours are on duty.");
    }

    @Test
    void busyCountsAsOnDutyButTheLeadDoesNot() {
        board.change("a", BUSY).orThrow();
        board.change("b", OFFLINE).orThrow();
        board.change("c", OFFLINE).orThrow();
        board.register("lead2", "L2", SeatRole.LEAD, Set.of());
        board.change("lead2", ONLINE).orThrow();

        assertThat(board.staffingWarning()).get().extracting(StaffingWarning::onDuty).isEqualTo(3);
    }

    @Test
    void quietHoursNeedTwoAndOutsideTheWindowsNobody() {
        for (String id : List.of("a", "b", "c")) board.change(id, OFFLINE).orThrow();
        assertThat(board.staffingWarning()).isPresent();

        clock.set("2024-02-14T19:00");
        assertThat(board.staffingWarning()).isEmpty();
        board.change("d", OFFLINE).orThrow();
        assertThat(board.staffingWarning()).get().extracting(StaffingWarning::required).isEqualTo(2);

        clock.set("2024-02-14T23:30");
        assertThat(board.staffingWarning()).isEmpty();
    }

    @Test
    void windowsAreConfigurableAndMayCrossMidnight() {
        StaffingSchedule night = new StaffingSchedule(MutableClock.SHANGHAI, List.of(
                new StaffingWindow("night", LocalTime.of(22, 0), LocalTime.of(2, 0), 6)));
        board = new SeatBoard(new SeatSettings(2, Duration.ofMinutes(15), night), clock);

        clock.set("2024-02-14T01:00");
        assertThat(board.staffingWarning()).get().extracting(StaffingWarning::required).isEqualTo(6);
        clock.set("2024-02-14T02:00");
        assertThat(board.staffingWarning()).isEmpty();
        assertThat(night.minimumAt(clock.instant())).isZero();
    }

    @Test
    void theReportGathersWhatTheLeadMustKnow() {
        assertThat(board.report().allWell()).isTrue();
        board.change("a", AWAY).orThrow();
        board.change("b", OFFLINE).orThrow();
        clock.advance(Duration.ofMinutes(16));

        SeatReport report = board.report();

        assertThat(report.allWell()).isFalse();
        assertThat(report.overdueAways()).hasSize(1);
        assertThat(report.staffing()).isPresent();
    }

    // ---- deputies ----

    @Test
    void theLeadCannotLeaveWithoutNamingAnOnlineDeputy() {
        assertThat(code(board.change("lead", AWAY))).isEqualTo("deputy_required");
        assertThat(code(board.change("lead", OFFLINE))).isEqualTo("deputy_required");
        assertThat(board.seat("lead").orElseThrow().status()).isEqualTo(ONLINE);
    }

    @Test
    void theDeputyMustBeAnotherSeatOnDuty() {
        board.change("a", AWAY).orThrow();

        assertThat(code(board.change("lead", AWAY, "a"))).isEqualTo("deputy_unavailable");
        assertThat(code(board.change("lead", AWAY, "lead"))).isEqualTo("deputy_unavailable");
        assertThat(code(board.change("lead", AWAY, "ghost"))).isEqualTo("deputy_unavailable");
        assertThat(board.change("lead", AWAY, "a").refusal().orElseThrow().messageKey())
                .isEqualTo("routing.refused.deputy_unavailable");
    }

    @Test
    void theLeadNamesADeputyAndTakesBackChargeOnReturn() {
        SeatChange left = board.change("lead", AWAY, "b").orThrow();

        assertThat(left.deputyId()).isEqualTo("b");
        assertThat(board.deputy()).hasValue("b");
        assertThat(board.report().deputyId()).isEqualTo("b");

        board.change("lead", ONLINE).orThrow();
        assertThat(board.deputy()).isEmpty();
    }

    @Test
    void aLeadAlreadyAwayMayGoOfflineKeepingTheDeputy() {
        board.change("lead", AWAY, "b").orThrow();

        SeatChange off = board.change("lead", OFFLINE).orThrow();

        assertThat(off.deputyId()).isNull(); // nobody new named
        assertThat(board.deputy()).hasValue("b");
    }

    @Test
    void theDeputyStandingInMustNameASuccessorBeforeLeaving() {
        board.change("lead", OFFLINE, "b").orThrow();

        assertThat(code(board.change("b", AWAY))).isEqualTo("deputy_required");
        SeatChange handed = board.change("b", OFFLINE, "c").orThrow();

        assertThat(handed.deputyId()).isEqualTo("c");
        assertThat(board.deputy()).hasValue("c");
        assertThat(board.change("b", ONLINE).isDone()).isTrue();
        assertThat(board.change("b", AWAY).isDone()).isTrue(); // no longer in charge
    }

    @Test
    void ordinarySeatsNeedNoDeputy() {
        assertThat(board.change("a", OFFLINE).isDone()).isTrue();
    }
}
