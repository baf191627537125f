package xiaoer.engine.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * The seat rules (domain.md §7); the app binds them from configuration.
 *
 * @param maxAway    seats that may be away at the same time (default 2)
 * @param awayLimit  how long an away break may last before the lead is told (default 15 min)
 * @param staffing   the minimum number of ordinary seats on duty, by time of day (default 4, 2 in quiet hours)
 */
public record SeatSettings(int maxAway, Duration awayLimit, StaffingSchedule staffing) {

    public SeatSettings {
        if (maxAway < 0) throw new IllegalArgumentException("maxAway must not be negative, was " + maxAway);
        RoutingSettings.requirePositive(awayLimit, "awayLimit");
        Objects.requireNonNull(staffing, "staffing");
    }

    public static SeatSettings defaults() {
        return new SeatSettings(2, Duration.ofMinutes(15), StaffingSchedule.defaults());
    }
}
