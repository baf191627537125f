package xiaoer.engine.routing;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A stretch of the day with a minimum number of ordinary seats on duty (domain.md §7).
 *
 * @param name            what the lead sees, e.g. "opening hours" or "quiet hours"
 * @param from            start, inclusive
 * @param to              end, exclusive; earlier than {@code from} for a window across midnight
 * @param minimumOnDuty   ordinary seats ONLINE or BUSY needed
 */
public record StaffingWindow(String name, LocalTime from, LocalTime to, int minimumOnDuty) {

    public StaffingWindow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) throw new IllegalArgumentException("staffing window " + name + " is empty");
        if (minimumOnDuty < 0) throw new IllegalArgumentException("minimumOnDuty must not be negative");
    }

    public boolean contains(LocalTime t) {
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }
}
