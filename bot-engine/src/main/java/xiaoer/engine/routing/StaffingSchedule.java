package xiaoer.engine.routing;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How many ordinary seats must be on duty when. Outside every window only the bot works (it runs 24 h: §7) and no
 * minimum applies; where windows overlap the first listed wins.
 */
public record StaffingSchedule(ZoneId zone, List<StaffingWindow> windows) {

    public StaffingSchedule {
        Objects.requireNonNull(zone, "zone");
        windows = List.copyOf(windows);
    }

    /**
     * The seed's numbers: 4 seats in opening hours, 2 in quiet hours. Which hours are quiet is the shop's choice; the
     * default is a busy day 09:00–18:00 and a quiet evening 18:00–22:00, China time (people work 09:00–22:00).
     */
    public static StaffingSchedule defaults() {
        return new StaffingSchedule(ZoneId.of("Asia/Shanghai"), List.of(
                new StaffingWindow("opening hours", LocalTime.of(9, 0), LocalTime.of(18, 0), 4),
                new StaffingWindow("quiet hours", LocalTime.of(18, 0), LocalTime.of(22, 0), 2)));
    }

    public Optional<StaffingWindow> windowAt(Instant at) {
        LocalTime t = at.atZone(zone).toLocalTime();
        return windows.stream().filter(w -> w.contains(t)).findFirst();
    }

    public int minimumAt(Instant at) {
        return windowAt(at).map(StaffingWindow::minimumOnDuty).orElse(0);
    }
}
