package xiaoer.engine.shop.tickets;

import java.time.LocalDate;

/** The next number of a day's sequence, 1 for the first; unique across all app nodes and threads. */
public interface TicketNumberSequence {

    int next(LocalDate day);
}
