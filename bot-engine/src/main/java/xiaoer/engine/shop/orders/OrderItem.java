package xiaoer.engine.shop.orders;

import java.math.BigDecimal;

/**
 * One line of an order.
 *
 * @param category the shop's category name; compared with the excluded return categories (e.g. 内衣, 定制, 生鲜)
 * @param qty      at least 1
 */
public record OrderItem(String sku, String name, String category, int qty, BigDecimal unitPrice) {
}
