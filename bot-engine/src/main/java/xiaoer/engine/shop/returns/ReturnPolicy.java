package xiaoer.engine.shop.returns;

import xiaoer.engine.shop.orders.Order;
import xiaoer.engine.shop.orders.OrderItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The 7-day no-reason rule (7天無理由退換貨, domain.md §1 and §8). The window is counted from the delivery time and
 * its end is <b>inclusive</b>: at exactly delivery + 7×24 h the shopper is still inside; one instant later they are
 * not. In doubt the rule favours the shopper, and "within 7 days" read literally includes the 7th day's last moment.
 * Excluded categories (e.g. 内衣, 定制, 生鲜) always go to a person, inside the window or not.
 */
public final class ReturnPolicy {

    private final Duration window;
    private final Set<String> excludedCategories;

    public ReturnPolicy(Duration window, Set<String> excludedCategories) {
        this.window = window;
        this.excludedCategories = Set.copyOf(excludedCategories);
    }

    public ReturnEligibility evaluate(Order order, Instant now) {
        List<String> excluded = order.items().stream()
                .filter(i -> i.category() != null && excludedCategories.contains(i.category()))
                .map(OrderItem::name).toList();
        if (order.deliveredAt() == null) {
            return new ReturnEligibility(ReturnEligibility.Verdict.NOT_DELIVERED,
                    ReturnEligibility.Reason.NOT_DELIVERED, null, excluded);
        }
        Instant end = order.deliveredAt().plus(window);
        if (!excluded.isEmpty()) {
            return new ReturnEligibility(ReturnEligibility.Verdict.PERSON_DECIDES,
                    ReturnEligibility.Reason.EXCLUDED_CATEGORY, end, excluded);
        }
        if (now.isAfter(end)) {
            return new ReturnEligibility(ReturnEligibility.Verdict.PERSON_DECIDES,
                    ReturnEligibility.Reason.WINDOW_PASSED, end, excluded);
        }
        return new ReturnEligibility(ReturnEligibility.Verdict.NO_REASON_RETURN,
                ReturnEligibility.Reason.INSIDE_WINDOW, end, excluded);
    }
}
