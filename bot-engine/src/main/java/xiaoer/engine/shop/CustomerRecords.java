package xiaoer.engine.shop;

import xiaoer.engine.shop.orders.OrderView;
import xiaoer.engine.shop.returns.ReturnEligibility;
import xiaoer.engine.shop.returns.ReturnRequest;
import xiaoer.engine.shop.tickets.Ticket;

import java.util.List;

/** What an agent sees beside a chat: the shopper's orders (only those the shopper may see) and tickets. */
public record CustomerRecords(boolean identified, List<CustomerOrder> orders, List<Ticket> tickets) {

    /** An order with its returns and whether the no-reason rule covers it now. */
    public record CustomerOrder(OrderView view, ReturnEligibility eligibility, List<ReturnRequest> returns) {
    }
}
