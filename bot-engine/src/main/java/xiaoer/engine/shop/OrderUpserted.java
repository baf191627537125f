package xiaoer.engine.shop;

import xiaoer.engine.shop.orders.Order;

/** The stored order, and whether this call created it (false: replaced). */
public record OrderUpserted(Order order, boolean created) {
}
