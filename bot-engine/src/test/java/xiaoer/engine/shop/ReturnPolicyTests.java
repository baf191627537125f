package xiaoer.engine.shop;

import org.junit.jupiter.api.Test;
import xiaoer.engine.shop.returns.ReturnEligibility;
import xiaoer.engine.shop.returns.ReturnPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static xiaoer.engine.shop.ReturnEligibilityVerdicts.verdict;

class ReturnPolicyTests {

    private static final Instant DELIVERED = Instant.parse("2026-11-01T10:00:00Z");
    private final ReturnPolicy policy = new ReturnPolicy(Duration.ofDays(7), Set.of("内衣", "定制", "生鲜"));

    @Test
    void exactlySevenTimesTwentyFourHoursAfterDeliveryIsStillInside() {
        Instant end = DELIVERED.plus(Duration.ofHours(7 * 24));
        ReturnEligibility e = policy.evaluate(ShopFixtures.delivered(DELIVERED, "服装"), end);
        assertThat(e.verdict()).isEqualTo(ReturnEligibility.Verdict.NO_REASON_RETURN);
        assertThat(e.windowEndsAt()).isEqualTo(end);
    }

    @Test
    void oneMicrosecondAfterTheWindowAPersonDecides() {
        Instant after = DELIVERED.plus(Duration.ofDays(7)).plusNanos(1000);
        ReturnEligibility e = policy.evaluate(ShopFixtures.delivered(DELIVERED, "服装"), after);
        assertThat(e.verdict()).isEqualTo(ReturnEligibility.Verdict.PERSON_DECIDES);
        assertThat(e.reason()).isEqualTo(ReturnEligibility.Reason.WINDOW_PASSED);
    }

    @Test
    void rightAfterDeliveryIsInside() {
        assertThat(verdict(policy, ShopFixtures.delivered(DELIVERED, null), DELIVERED))
                .isEqualTo(ReturnEligibility.Verdict.NO_REASON_RETURN);
    }

    @Test
    void excludedCategoryGoesToAPersonEvenInsideTheWindow() {
        ReturnEligibility e = policy.evaluate(ShopFixtures.delivered(DELIVERED, "内衣"), DELIVERED.plusSeconds(60));
        assertThat(e.verdict()).isEqualTo(ReturnEligibility.Verdict.PERSON_DECIDES);
        assertThat(e.reason()).isEqualTo(ReturnEligibility.Reason.EXCLUDED_CATEGORY);
        assertThat(e.excludedItems()).containsExactly("棉T恤");
    }

    @Test
    void undeliveredOrderHasNoWindowYet() {
        var o = ShopFixtures.delivered(DELIVERED, "服装");
        var undelivered = new xiaoer.engine.shop.orders.Order(o.shop(), o.orderNo(), o.buyerId(), o.phoneTail(),
                xiaoer.engine.shop.orders.OrderStatus.SHIPPED, o.items(), o.total(), o.shippingFee(), o.address(),
                o.placedAt(), o.paidAt(), o.shippedAt(), null, o.updatedAt(), null);
        assertThat(verdict(policy, undelivered, DELIVERED)).isEqualTo(ReturnEligibility.Verdict.NOT_DELIVERED);
    }
}
