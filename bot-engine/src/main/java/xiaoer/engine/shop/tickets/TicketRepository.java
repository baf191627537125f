package xiaoer.engine.shop.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of tickets with their follow-ups. Every call commits before it returns. */
public interface TicketRepository {

    void insert(Ticket ticket);

    Optional<Ticket> find(String number);

    /**
     * Stores {@code updated} (fields and new follow-ups) only if the stored version is still {@code updated.version()};
     * returns false otherwise (compare-and-set).
     */
    boolean update(Ticket updated);

    /** Tickets opened in [from, to), oldest first. */
    List<Ticket> openedBetween(Instant from, Instant to);

    /** Tickets not CLOSED, oldest first: the candidates for the overdue list. */
    List<Ticket> unfinished();

    /** A shopper's tickets: by widget visitor id, or by buyer id when known; newest first. */
    List<Ticket> forCustomer(String shop, String visitorId, String buyerId);
}
