package xiaoer.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The compare-and-set steps routing's shared state is built on, in memory. */
class StateMapTests {

    @Test
    void concurrentUpdatesOfOneEntryAreNeverLost() throws Exception {
        InMemoryStateMap<Integer> map = new InMemoryStateMap<>();

        InMemoryPortsTests.race(16 * 50, i -> map.update("n", n -> n == null ? 1 : n + 1));

        assertThat(map.get("n")).hasValue(16 * 50);
    }

    @Test
    void conditionalStepsActOnlyOnTheExpectedValue() {
        InMemoryStateMap<String> map = new InMemoryStateMap<>();

        assertThat(map.putIfAbsent("k", "a")).isTrue();
        assertThat(map.putIfAbsent("k", "b")).isFalse();
        assertThat(map.replace("k", "b", "c")).isFalse();
        assertThat(map.replace("k", "a", "c")).isTrue();
        assertThat(map.remove("k", "a")).isFalse();
        assertThat(map.update("k", v -> null).before()).isEqualTo("c");
        assertThat(map.get("k")).isEmpty();
    }

    @Test
    void ofRacingRosterChangesEachIsDecidedOnTheLatestRoster() throws Exception {
        MutableClock clock = MutableClock.at("2024-02-14T10:00");
        SeatBoard board = new SeatBoard(SeatSettings.defaults(), clock, new InMemorySeatStore());

        List<AgentSeat> registered = InMemoryPortsTests.race(40,
                i -> board.register("a" + i, "A" + i, SeatRole.AGENT, java.util.Set.of(SkillGroup.PRESALES)));

        assertThat(registered).hasSize(40);
        assertThat(board.seats()).hasSize(40); // no registration lost to a concurrent one
    }
}
