package xiaoer.engine.shop.tickets;

import xiaoer.engine.shop.ShopRuleException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request that needs follow-up, from intake to the shopper's satisfaction. Immutable: the changing methods return
 * the next version; {@code version} is the stored version it was read at (for compare-and-set updates).
 *
 * @param owner          the agent responsible, or null while unassigned
 * @param replyDueAt     the written result is due by then (inclusive)
 * @param validComplaint false when a complaint was judged not valid at its result; counts in the complaint rate
 *                       only when true (always true for the other kinds)
 * @param followUpDueAt  set with the result: the follow-up is due by then (inclusive)
 */
public record Ticket(String number, String shop, TicketKind kind, String repairKind, String subject,
                     String description, String visitorId, String buyerId, String conversationId, String orderNo,
                     String owner, TicketStatus status, String openedBy, Instant openedAt, Instant replyDueAt,
                     String result, String resolvedBy, Instant resolvedAt, boolean validComplaint,
                     Instant followUpDueAt, List<FollowUp> followUps, int version) {

    public Ticket {
        followUps = List.copyOf(followUps);
    }

    public Ticket assign(String newOwner) {
        requireNotClosed("assign");
        return new Ticket(number, shop, kind, repairKind, subject, description, visitorId, buyerId, conversationId,
                orderNo, newOwner, status, openedBy, openedAt, replyDueAt, result, resolvedBy, resolvedAt,
                validComplaint, followUpDueAt, followUps, version);
    }

    /** Records the written result; the follow-up clock starts now. A later call corrects the result text. */
    public Ticket resolve(String text, boolean valid, String by, Instant at, TicketRules rules) {
        requireNotClosed("record a result on");
        Instant resolved = status == TicketStatus.OPEN ? at : resolvedAt;
        Duration within = rules.followUpWithin(kind, repairKind);
        return new Ticket(number, shop, kind, repairKind, subject, description, visitorId, buyerId, conversationId,
                orderNo, owner, TicketStatus.RESOLVED, openedBy, openedAt, replyDueAt, text, by, resolved,
                kind != TicketKind.COMPLAINT || valid, resolved.plus(within), followUps, version);
    }

    /** Adds a follow-up attempt; one that reaches the shopper closes the ticket. */
    public Ticket followUp(FollowUp f) {
        if (status == TicketStatus.OPEN) {
            throw new ShopRuleException("ticket_state", "ticket " + number + " has no result yet; record the result first");
        }
        requireNotClosed("follow up");
        List<FollowUp> next = new ArrayList<>(followUps);
        next.add(f);
        return new Ticket(number, shop, kind, repairKind, subject, description, visitorId, buyerId, conversationId,
                orderNo, owner, f.reached() ? TicketStatus.CLOSED : status, openedBy, openedAt, replyDueAt, result,
                resolvedBy, resolvedAt, validComplaint, followUpDueAt, next, version);
    }

    /** The deadline this ticket has passed at {@code now}, if any. Exactly at the deadline is still in time. */
    public Optional<OverdueTicket> overdue(Instant now) {
        if (status == TicketStatus.OPEN && now.isAfter(replyDueAt)) {
            return Optional.of(new OverdueTicket(this, OverdueTicket.What.REPLY, replyDueAt,
                    Duration.between(replyDueAt, now)));
        }
        if (status == TicketStatus.RESOLVED && now.isAfter(followUpDueAt)) {
            return Optional.of(new OverdueTicket(this, OverdueTicket.What.FOLLOW_UP, followUpDueAt,
                    Duration.between(followUpDueAt, now)));
        }
        return Optional.empty();
    }

    /** Has a result and at least one follow-up attempt: "handled and followed up" in the KPIs. */
    public boolean followedUp() {
        return result != null && !followUps.isEmpty();
    }

    /** A follow-up reached the shopper: "successfully followed up" in the KPIs. */
    public boolean successfullyFollowedUp() {
        return followUps.stream().anyMatch(FollowUp::reached);
    }

    /** The answer of the last follow-up that reached the shopper. */
    public boolean satisfied() {
        for (int i = followUps.size() - 1; i >= 0; i--) {
            FollowUp f = followUps.get(i);
            if (f.reached()) return Boolean.TRUE.equals(f.satisfied());
        }
        return false;
    }

    private void requireNotClosed(String action) {
        if (status == TicketStatus.CLOSED) {
            throw new ShopRuleException("ticket_state", "ticket " + number + " is closed; cannot " + action + " it");
        }
    }
}
