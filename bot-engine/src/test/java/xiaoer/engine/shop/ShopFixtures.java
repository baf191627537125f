package xiaoer.engine.shop;

import xiaoer.engine.shop.orders.Order;
import xiaoer.engine.shop.orders.OrderItem;
import xiaoer.engine.shop.orders.OrderStatus;
import xiaoer.engine.shop.tickets.FollowUp;
import xiaoer.engine.shop.tickets.Ticket;
import xiaoer.engine.shop.tickets.TicketKind;
import xiaoer.engine.shop.tickets.TicketRules;
import xiaoer.engine.shop.tickets.TicketStatus;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Small builders shared by the shop's unit tests. */
public final class ShopFixtures {

    private ShopFixtures() {
    }

    public static Order delivered(Instant deliveredAt, String category) {
        return new Order("default", "E1", "buyer-1", "1234", OrderStatus.DELIVERED,
                List.of(new OrderItem("SKU-1", "棉T恤", category, 1, new BigDecimal("59.00"))),
                new BigDecimal("59.00"), BigDecimal.ZERO, "addr", deliveredAt.minus(Duration.ofDays(3)),
                deliveredAt.minus(Duration.ofDays(3)), deliveredAt.minus(Duration.ofDays(2)), deliveredAt, deliveredAt, null);
    }

    public static Ticket opened(String number, TicketKind kind, String repairKind, Instant at) {
        return new Ticket(number, "default", kind, repairKind, "subject", null, "v1", null, null, null, null,
                TicketStatus.OPEN, "agent1", at, at.plus(TicketRules.defaults().replyWithin()), null, null, null,
                true, null, List.of(), 0);
    }

    /** A ticket resolved at {@code at + 1h}, then followed up with the given attempts (reached/satisfied pairs). */
    public static Ticket handled(String number, TicketKind kind, Instant at, boolean valid, FollowUp... followUps) {
        Ticket t = opened(number, kind, null, at).resolve("done", valid, "agent1", at.plusSeconds(3600),
                TicketRules.defaults());
        for (FollowUp f : followUps) t = t.followUp(f);
        return t;
    }

    public static FollowUp reached(boolean satisfied, Instant at) {
        return new FollowUp(at, "agent1", true, satisfied, null);
    }

    public static FollowUp notReached(Instant at) {
        return new FollowUp(at, "agent1", false, null, null);
    }
}
