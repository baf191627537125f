package xiaoer.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xiaoer.engine.text.ServiceTexts;

class RoutingTextsTests {

    private final ServiceTexts texts = ServiceTexts.load("/xiaoer/engine/routing/texts.properties");

    @Test
    void everyRefusalHasAChineseText() {
        for (RefusalCode code : RefusalCode.values()) {
            assertThat(texts.get(code.messageKey())).as(code.code()).isNotBlank();
        }
        assertThat(texts.get(QueueTimeout.OFFER_KEY)).contains("留言");
        assertThat(texts.get(StaffingWarning.KEY, Map.of("onDuty", 3, "required", 4))).contains("3").contains("4");
    }

    @Test
    void theDefaultsAreTheManuals() {
        RoutingSettings routing = RoutingSettings.defaults();
        assertThat(routing.silentAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(routing.queueTimeout()).isEqualTo(Duration.ofMinutes(10));
        SeatSettings seats = SeatSettings.defaults();
        assertThat(seats.maxAway()).isEqualTo(2);
        assertThat(seats.awayLimit()).isEqualTo(Duration.ofMinutes(15));
        assertThat(seats.staffing().windows()).extracting(StaffingWindow::minimumOnDuty).containsExactly(4, 2);
        assertThat(AgentSeat.DEFAULT_CAPACITY).isEqualTo(10);
    }

    @Test
    void badSettingsAreRefusedClearly() {
        assertThatThrownBy(() -> new RoutingSettings(Duration.ZERO, Duration.ofMinutes(1), ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("silentAfter");
        assertThatThrownBy(() -> new SeatSettings(-1, Duration.ofMinutes(1), StaffingSchedule.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAway");
        assertThatThrownBy(() -> new AgentSeat("a", "A", SeatRole.AGENT, AgentStatus.ONLINE, null, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
    }

    @Test
    void aRefusalCanBeThrownForCallersThatPreferExceptions() {
        Outcome<String> refused = Outcome.refused(RefusalCode.AT_CAPACITY, "agent", "Ann", "capacity", 10);

        assertThatThrownBy(refused::orThrow).isInstanceOf(RefusedException.class)
                .hasMessage("at_capacity: Ann already holds 10 conversations.")
                .extracting(e -> ((RefusedException) e).code()).isEqualTo("at_capacity");
        assertThat(Outcome.done("x").value()).hasValue("x");
    }
}
