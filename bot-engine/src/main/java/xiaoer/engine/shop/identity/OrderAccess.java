package xiaoer.engine.shop.identity;

import xiaoer.engine.chat.Visitor;
import xiaoer.engine.shop.orders.Order;

import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether a visitor may see an order: the order's buyer (a signed visitor's id is their buyer id), or an
 * anonymous visitor holding a valid grant from {@code identify}. The only place that rule is written.
 */
public final class OrderAccess {

    private final IdentityGrants grants;

    public OrderAccess(IdentityGrants grants) {
        this.grants = grants;
    }

    public boolean maySee(Visitor visitor, Order order, Instant now) {
        if (visitor == null || order == null || !Objects.equals(visitor.shop(), order.shop())) return false;
        if (visitor.verified() && visitor.visitorId().equals(order.buyerId())) return true;
        return grants.has(order.shop(), visitor.visitorId(), order.orderNo(), now);
    }
}
