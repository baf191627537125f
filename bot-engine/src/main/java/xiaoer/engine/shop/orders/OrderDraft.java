package xiaoer.engine.shop.orders;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order as the integration API receives it, before validation: anything may be null or wrong. Times are
 * ISO-8601 texts with an offset ({@code 2026-11-03T10:15:30+08:00} or {@code ...Z}).
 */
public record OrderDraft(String buyerId, String phoneTail, String status, List<ItemDraft> items, BigDecimal total,
                         BigDecimal shippingFee, String address, String placedAt, String paidAt, String shippedAt,
                         String deliveredAt, String updatedAt) {

    /** The draft without the shop system's own change time (then the last upsert wins, whenever it was sent). */
    public OrderDraft(String buyerId, String phoneTail, String status, List<ItemDraft> items, BigDecimal total,
                      BigDecimal shippingFee, String address, String placedAt, String paidAt, String shippedAt,
                      String deliveredAt) {
        this(buyerId, phoneTail, status, items, total, shippingFee, address, placedAt, paidAt, shippedAt, deliveredAt,
                null);
    }

    /** One order line before validation. */
    public record ItemDraft(String sku, String name, String category, Integer qty, BigDecimal unitPrice) {
    }
}
