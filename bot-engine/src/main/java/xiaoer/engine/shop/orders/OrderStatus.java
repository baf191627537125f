package xiaoer.engine.shop.orders;

/** Where an order stands in the shop's system. */
public enum OrderStatus {
    UNPAID, PAID, SHIPPED, DELIVERED, COMPLETED, CANCELLED
}
