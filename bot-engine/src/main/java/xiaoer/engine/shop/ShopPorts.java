package xiaoer.engine.shop;

import xiaoer.engine.shop.identity.IdentifyFailures;
import xiaoer.engine.shop.identity.IdentityGrants;
import xiaoer.engine.shop.orders.OrderRepository;
import xiaoer.engine.shop.returns.ReturnRepository;
import xiaoer.engine.shop.tickets.TicketNumberSequence;
import xiaoer.engine.shop.tickets.TicketRepository;

/** The storage {@link ShopService} needs, implemented by the app (JDBC). */
public record ShopPorts(OrderRepository orders, ReturnRepository returns, TicketRepository tickets,
                        TicketNumberSequence ticketNumbers, IdentityGrants grants, IdentifyFailures failures) {
}
