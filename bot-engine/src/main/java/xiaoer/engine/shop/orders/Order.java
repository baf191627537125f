package xiaoer.engine.shop.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as last reported by the shop. The buyer id is the shop's customer id, the same id a signed widget visitor
 * carries; {@code phoneTail} (last 4 digits) lets an anonymous visitor prove the order is theirs.
 *
 * @param paidAt          null while unpaid; likewise {@code shippedAt}, {@code deliveredAt}
 * @param updatedAt       when xiaoer stored this version
 * @param sourceUpdatedAt when the shop's system changed the order, if it says: an older update is refused
 */
public record Order(String shop, String orderNo, String buyerId, String phoneTail, OrderStatus status,
                    List<OrderItem> items, BigDecimal total, BigDecimal shippingFee, String address,
                    Instant placedAt, Instant paidAt, Instant shippedAt, Instant deliveredAt, Instant updatedAt,
                    Instant sourceUpdatedAt) {

    public Order {
        items = List.copyOf(items);
    }
}
