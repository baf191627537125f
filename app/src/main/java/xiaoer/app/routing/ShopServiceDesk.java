package xiaoer.app.routing;

import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.ShopDesk;
import xiaoer.engine.chat.Visitor;
import xiaoer.engine.shop.ShopService;
import xiaoer.engine.shop.orders.OrderStatus;
import xiaoer.engine.shop.tickets.NewTicket;
import xiaoer.engine.shop.tickets.TicketKind;

import java.util.Set;

/** Routing's view of the shop: open orders give priority; a message left in the queue becomes an inquiry ticket. */
final class ShopServiceDesk implements ShopDesk {

    private static final Set<OrderStatus> DONE = Set.of(OrderStatus.COMPLETED, OrderStatus.CANCELLED);

    private final ShopService shop;

    ShopServiceDesk(ShopService shop) {
        this.shop = shop;
    }

    @Override
    public boolean hasOpenOrders(Visitor visitor) {
        return shop.ordersForVisitor(visitor).stream().anyMatch(o -> !DONE.contains(o.order().status()));
    }

    @Override
    public String leaveMessage(Conversation c, String text) {
        return shop.openTicket(new NewTicket(c.shop(), TicketKind.INQUIRY, null, "顾客排队留言，请联系回复", text,
                c.visitorId(), c.verified() ? c.visitorId() : null, c.id(), null, null, "queue", null)).number();
    }
}
