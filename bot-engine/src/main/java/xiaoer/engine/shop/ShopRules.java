package xiaoer.engine.shop;

import xiaoer.engine.shop.identity.IdentityRules;
import xiaoer.engine.shop.tickets.TicketRules;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

/**
 * The shop's configurable rules; {@link #defaults()} follows the manuals.
 *
 * @param zone               the shop's time zone: ticket-number dates and KPI months are days and months there
 *                           (default Asia/Shanghai)
 * @param returnWindow       the no-reason return window from delivery, end inclusive (default 7 × 24 h)
 * @param excludedCategories item categories a person always decides on (default 内衣, 定制, 生鲜)
 */
public record ShopRules(ZoneId zone, Duration returnWindow, Set<String> excludedCategories, IdentityRules identity,
                        TicketRules tickets) {

    public ShopRules {
        excludedCategories = Set.copyOf(excludedCategories);
    }

    public static ShopRules defaults() {
        return new ShopRules(ZoneId.of("Asia/Shanghai"), Duration.ofDays(7), Set.of("内衣", "定制", "生鲜"),
                IdentityRules.defaults(), TicketRules.defaults());
    }
}
