package xiaoer.engine.shop.orders;

import xiaoer.engine.shop.FieldErrors;
import xiaoer.engine.shop.InvalidInputException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Turns an {@link OrderDraft} into an {@link Order}, or refuses it with every field-level problem at once. */
public final class OrderValidator {

    /** Order numbers travel in URLs and chat text: letters, digits, dash, underscore. */
    public static final Pattern ORDER_NO = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern PHONE_TAIL = Pattern.compile("[0-9]{4}");
    private static final int MAX_ITEMS = 200;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

    private OrderValidator() {
    }

    /** @throws InvalidInputException listing every problem; nothing is stored then */
    public static Order validate(String shop, String orderNo, OrderDraft d, Instant now) {
        FieldErrors errors = new FieldErrors();
        if (orderNo == null || !ORDER_NO.matcher(orderNo).matches()) {
            errors.add("orderNo", "must be 1-64 letters, digits, '-' or '_'");
        }
        if (d == null) {
            errors.add("body", "is required");
            errors.throwIfAny();
        }
        String buyerId = errors.requiredText("buyerId", d.buyerId(), 64);
        String phoneTail = d.phoneTail() == null ? null : d.phoneTail().strip();
        if (phoneTail == null || !PHONE_TAIL.matcher(phoneTail).matches()) {
            errors.add("phoneTail", "must be the phone number's last 4 digits");
        }
        OrderStatus status = errors.requiredEnum("status", d.status(), OrderStatus.class);
        List<OrderItem> items = items(d.items(), errors);
        BigDecimal total = amount("total", d.total(), true, errors);
        BigDecimal shippingFee = d.shippingFee() == null ? BigDecimal.ZERO.setScale(2)
                : amount("shippingFee", d.shippingFee(), false, errors);
        String address = errors.optionalText("address", d.address(), 500);
        Instant placedAt = errors.requiredInstant("placedAt", d.placedAt());
        Instant paidAt = errors.optionalInstant("paidAt", d.paidAt());
        Instant shippedAt = errors.optionalInstant("shippedAt", d.shippedAt());
        Instant deliveredAt = errors.optionalInstant("deliveredAt", d.deliveredAt());
        Instant sourceUpdatedAt = errors.optionalInstant("updatedAt", d.updatedAt());
        checkTimeline(status, placedAt, paidAt, shippedAt, deliveredAt, errors);
        errors.throwIfAny();
        return new Order(shop, orderNo, buyerId, phoneTail, status, items, total, shippingFee, address,
                placedAt, paidAt, shippedAt, deliveredAt, now, sourceUpdatedAt);
    }

    private static List<OrderItem> items(List<OrderDraft.ItemDraft> drafts, FieldErrors errors) {
        List<OrderItem> items = new ArrayList<>();
        if (drafts == null || drafts.isEmpty()) {
            errors.add("items", "must list at least one item");
            return items;
        }
        if (drafts.size() > MAX_ITEMS) {
            errors.add("items", "must list at most " + MAX_ITEMS + " items");
            return items;
        }
        for (int i = 0; i < drafts.size(); i++) {
            String p = "items[" + i + "]";
            OrderDraft.ItemDraft it = drafts.get(i);
            if (it == null) {
                errors.add(p, "must be an item object");
                continue;
            }
            String sku = errors.requiredText(p + ".sku", it.sku(), 64);
            String name = errors.requiredText(p + ".name", it.name(), 200);
            String category = errors.optionalText(p + ".category", it.category(), 64);
            if (it.qty() == null || it.qty() < 1) errors.add(p + ".qty", "must be ≥ 1");
            else if (it.qty() > 10_000) errors.add(p + ".qty", "must be ≤ 10000");
            BigDecimal price = amount(p + ".unitPrice", it.unitPrice(), true, errors);
            if (it.qty() != null && it.qty() >= 1) items.add(new OrderItem(sku, name, category, it.qty(), price));
        }
        return items;
    }

    static BigDecimal amount(String field, BigDecimal value, boolean required, FieldErrors errors) {
        if (value == null) {
            if (required) errors.add(field, "is required");
            return null;
        }
        if (value.signum() < 0) errors.add(field, "must be ≥ 0");
        else if (value.compareTo(MAX_AMOUNT) >= 0) errors.add(field, "must be below " + MAX_AMOUNT.toPlainString());
        else if (value.stripTrailingZeros().scale() > 2) errors.add(field, "must have at most 2 decimals");
        else return value.setScale(2);
        return null;
    }

    /** A time that a status implies must be there, and the times must not run backwards. */
    private static void checkTimeline(OrderStatus status, Instant placed, Instant paid, Instant shipped,
                                      Instant delivered, FieldErrors errors) {
        if (status == null) return;
        if (needs(status, OrderStatus.PAID) && paid == null && !errors.has("paidAt")) {
            errors.add("paidAt", "is required when status is " + status);
        }
        if (needs(status, OrderStatus.SHIPPED) && shipped == null && !errors.has("shippedAt")) {
            errors.add("shippedAt", "is required when status is " + status);
        }
        if (needs(status, OrderStatus.DELIVERED) && delivered == null && !errors.has("deliveredAt")) {
            errors.add("deliveredAt", "is required when status is " + status);
        }
        notBefore("paidAt", paid, placed, "placedAt", errors);
        notBefore("shippedAt", shipped, paid != null ? paid : placed, paid != null ? "paidAt" : "placedAt", errors);
        notBefore("deliveredAt", delivered, shipped, "shippedAt", errors);
    }

    private static boolean needs(OrderStatus status, OrderStatus step) {
        // CANCELLED may happen at any step, so it implies no times
        return status != OrderStatus.CANCELLED && status.ordinal() >= step.ordinal();
    }

    private static void notBefore(String field, Instant t, Instant earlier, String earlierField, FieldErrors errors) {
        if (t != null && earlier != null && t.isBefore(earlier)) {
            errors.add(field, "must not be before " + earlierField);
        }
    }
}
