package xiaoer.engine.policy;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * When people work the chat (the bot runs 24 h, humans set hours: domain.md §7). Outside these hours the bot says
 * when people are back ({@link #nextOpening(Instant)}) and offers to leave a message.
 * <p>
 * {@code from < to} is a day shift; {@code to < from} a night shift that ends the next morning (its day is the day it
 * starts); {@code from == to} means around the clock on the listed days.
 *
 * @param days the days on which a shift starts (not empty)
 * @param from when the shift starts (inclusive)
 * @param to   when it ends (exclusive)
 * @param zone the shop's time zone
 */
public record OpeningHours(Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone) {

    public OpeningHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (days == null || days.isEmpty()) throw new IllegalArgumentException("opening hours need at least one day");
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** 09:00–22:00 every day, China time. */
    public static OpeningHours defaults() {
        return new OpeningHours(EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(22, 0),
                ZoneId.of("Asia/Shanghai"));
    }

    /** People on duty at all hours (tests, or a shop with a night shift). */
    public static OpeningHours aroundTheClock(ZoneId zone) {
        return new OpeningHours(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, zone);
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime t = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (from.equals(to)) return days.contains(day);
        if (from.isBefore(to)) return days.contains(day) && !t.isBefore(from) && t.isBefore(to);
        return days.contains(day) && !t.isBefore(from) || days.contains(day.minus(1)) && t.isBefore(to);
    }

    /** {@code at} itself when open, otherwise the start of the next shift. */
    public Instant nextOpening(Instant at) {
        if (isOpen(at)) return at;
        LocalDate date = at.atZone(zone).toLocalDate();
        for (int i = 0; i <= 7; i++) {
            LocalDate d = date.plusDays(i);
            if (!days.contains(d.getDayOfWeek())) continue;
            Instant start = ZonedDateTime.of(d, from, zone).toInstant();
            if (start.isAfter(at)) return start;
        }
        throw new IllegalStateException("no opening within a week"); // unreachable: days is not empty
    }
}
