package xiaoer.engine.shop.tickets;

import java.time.Duration;
import java.time.Instant;

/** A ticket past one of its deadlines, and by how much. */
public record OverdueTicket(Ticket ticket, What what, Instant dueAt, Duration late) {

    public enum What {
        /** no written result by {@code replyDueAt} */
        REPLY,
        /** resolved but no follow-up reached the shopper by {@code followUpDueAt} */
        FOLLOW_UP
    }
}
