package xiaoer.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpeningHoursTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), SHANGHAI).toInstant();
    }

    private final OpeningHours hours = OpeningHours.defaults();

    @Test
    void defaultsAreNineToTenEveryDayChinaTime() {
        assertThat(hours.isOpen(at("2024-02-14T09:00"))).isTrue();
        assertThat(hours.isOpen(at("2024-02-14T21:59"))).isTrue();
        assertThat(hours.isOpen(at("2024-02-14T22:00"))).isFalse();
        assertThat(hours.isOpen(at("2024-02-14T08:59"))).isFalse();
        assertThat(hours.zone()).isEqualTo(SHANGHAI);
    }

    @Test
    void nextOpeningIsNowWhenOpenOtherwiseTheNextShift() {
        assertThat(hours.nextOpening(at("2024-02-14T10:00"))).isEqualTo(at("2024-02-14T10:00"));
        assertThat(hours.nextOpening(at("2024-02-14T23:30"))).isEqualTo(at("2024-02-15T09:00"));
        assertThat(hours.nextOpening(at("2024-02-14T03:00"))).isEqualTo(at("2024-02-14T09:00"));
    }

    @Test
    void weekdaysOnlySkipsTheWeekend() {
        OpeningHours weekdays = new OpeningHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(18, 0), SHANGHAI);
        // 2024-02-16 is a Friday.
        assertThat(weekdays.isOpen(at("2024-02-17T10:00"))).isFalse();
        assertThat(weekdays.nextOpening(at("2024-02-16T18:30"))).isEqualTo(at("2024-02-19T09:00"));
    }

    @Test
    void aNightShiftRunsPastMidnight() {
        OpeningHours night = new OpeningHours(Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(2, 0),
                SHANGHAI);
        assertThat(night.isOpen(at("2024-02-16T23:00"))).isTrue();
        assertThat(night.isOpen(at("2024-02-17T01:59"))).isTrue();
        assertThat(night.isOpen(at("2024-02-17T02:00"))).isFalse();
        assertThat(night.isOpen(at("2024-02-15T23:00"))).isFalse();
    }

    @Test
    void equalTimesMeanAroundTheClock() {
        OpeningHours always = new OpeningHours(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT,
                LocalTime.MIDNIGHT, SHANGHAI);
        assertThat(always.isOpen(at("2024-02-14T03:00"))).isTrue();
    }

    @Test
    void needsAtLeastOneDay() {
        assertThatThrownBy(() -> new OpeningHours(Set.of(), LocalTime.NOON, LocalTime.MIDNIGHT, SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
