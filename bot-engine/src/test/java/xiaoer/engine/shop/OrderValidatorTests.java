package xiaoer.engine.shop;

import org.junit.jupiter.api.Test;
import xiaoer.engine.shop.orders.Order;
import xiaoer.engine.shop.orders.OrderDraft;
import xiaoer.engine.shop.orders.OrderValidator;
import xiaoer.engine.shop.orders.ShipmentDraft;
import xiaoer.engine.shop.orders.ShipmentValidator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderValidatorTests {

    private static final Instant NOW = Instant.parse("2026-11-10T00:00:00Z");

    static OrderDraft valid() {
        return new OrderDraft("buyer-1", "1234", "PAID",
                List.of(new OrderDraft.ItemDraft("SKU-1", "T恤", "服装", 2, new BigDecimal("59.00"))),
                new BigDecimal("118.00"), null, "上海市", "2026-11-01T10:00:00+08:00", "2026-11-01T10:05:00+08:00",
                null, null);
    }

    @Test
    void aValidDraftBecomesAnOrder() {
        Order o = OrderValidator.validate("default", "E1", valid(), NOW);
        assertThat(o.paidAt()).isEqualTo(Instant.parse("2026-11-01T02:05:00Z"));
        assertThat(o.shippingFee()).isEqualByComparingTo("0");
    }

    @Test
    void everyProblemIsReportedByFieldPath() {
        OrderDraft bad = new OrderDraft(" ", "12a4", "LOST",
                List.of(new OrderDraft.ItemDraft("SKU-1", "T恤", null, 0, new BigDecimal("-1"))),
                new BigDecimal("1.005"), null, null, "yesterday", null, null, null);
        assertThatThrownBy(() -> OrderValidator.validate("default", "E 1", bad, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields())
                        .containsKeys("orderNo", "buyerId", "phoneTail", "status", "items[0].qty",
                                "items[0].unitPrice", "total", "placedAt")
                        .containsEntry("items[0].qty", "must be ≥ 1"));
    }

    @Test
    void aDeliveredOrderNeedsItsDeliveryTime() {
        OrderDraft d = valid();
        OrderDraft delivered = new OrderDraft(d.buyerId(), d.phoneTail(), "DELIVERED", d.items(), d.total(), null,
                null, d.placedAt(), d.paidAt(), "2026-11-02T10:00:00+08:00", null);
        assertThatThrownBy(() -> OrderValidator.validate("default", "E1", delivered, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fields()).containsOnlyKeys("deliveredAt"));
    }

    @Test
    void sameShipmentEventHasTheSameKeyAndAnEventIdWins() {
        ShipmentDraft a = new ShipmentDraft(null, "SF", "SF1", "2026-11-02T10:00:00+08:00", "杭州", "IN_TRANSIT", null);
        ShipmentDraft b = new ShipmentDraft(null, "SF", "SF1", "2026-11-02T02:00:00Z", "杭州中转", "in_transit", "x");
        assertThat(ShipmentValidator.validate("default", "E1", a).eventKey())
                .isEqualTo(ShipmentValidator.validate("default", "E1", b).eventKey());
        ShipmentDraft withId = new ShipmentDraft("ev-1", "SF", "SF1", "2026-11-02T10:00:00+08:00", null, "IN_TRANSIT", null);
        assertThat(ShipmentValidator.validate("default", "E1", withId).eventKey())
                .isNotEqualTo(ShipmentValidator.validate("default", "E1", a).eventKey());
    }
}
