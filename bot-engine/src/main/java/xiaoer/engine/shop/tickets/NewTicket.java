package xiaoer.engine.shop.tickets;

import java.time.Duration;

/**
 * A request to open a ticket. Only {@code kind}, {@code subject} and {@code openedBy} are required.
 *
 * @param repairKind  for REPAIR: the kind that sets the follow-up deadline (see {@link TicketRules}); else null
 * @param visitorId   the shopper's widget id, when opened from a chat
 * @param replyWithin overrides the rules' written-reply deadline (e.g. "report back on the courier within 24 h")
 */
public record NewTicket(String shop, TicketKind kind, String repairKind, String subject, String description,
                        String visitorId, String buyerId, String conversationId, String orderNo, String owner,
                        String openedBy, Duration replyWithin) {
}
