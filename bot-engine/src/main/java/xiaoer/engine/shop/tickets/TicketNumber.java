package xiaoer.engine.shop.tickets;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The archive number: the date plus a 3-digit daily sequence, {@code 20240214001} for the first case of 2024-02-14
 * (domain.md §5). The 1000th case of a day gets 4 digits ({@code 202402141000}) rather than failing.
 */
public final class TicketNumber {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private TicketNumber() {
    }

    public static String format(LocalDate day, int seq) {
        if (seq < 1) throw new IllegalArgumentException("sequence starts at 1: " + seq);
        return day.format(DAY) + String.format("%03d", seq);
    }
}
