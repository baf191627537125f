package xiaoer.engine.shop.tickets;

/** OPEN until a written result is recorded; RESOLVED until a follow-up reaches the shopper; then CLOSED. */
public enum TicketStatus {
    OPEN, RESOLVED, CLOSED
}
