package xiaoer.app.shop;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import xiaoer.engine.shop.ShopRules;
import xiaoer.engine.shop.identity.IdentityRules;
import xiaoer.engine.shop.tickets.TicketRules;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * The shop's rules ({@code xiaoer.shop.*}); defaults follow the manuals (domain.md §5, §8, §9).
 *
 * @param zone               time zone of ticket-number dates and KPI months (default Asia/Shanghai)
 * @param returnWindow       no-reason return window from delivery, end inclusive (default 7d)
 * @param excludedCategories item categories a person always decides on (default 内衣, 定制, 生鲜)
 * @param identity           limits of the order-number-plus-phone-tail check
 * @param tickets            ticket deadlines
 * @param demoApiKey         the integration API key the demo data makes sure exists; when unset, a random one is
 *                           created (and logged once) on the first start
 */
@ConfigurationProperties("xiaoer.shop")
public record ShopProperties(@DefaultValue("Asia/Shanghai") ZoneId zone,
                             @DefaultValue("7d") Duration returnWindow,
                             @DefaultValue({"内衣", "定制", "生鲜"}) Set<String> excludedCategories,
                             @DefaultValue Identity identity,
                             @DefaultValue Tickets tickets,
                             String demoApiKey) {

    /**
     * @param maxFailuresPerVisitor wrong guesses per visitor per window (default 5)
     * @param maxFailuresPerOrder   wrong guesses per order number per window, any visitor (default 10)
     * @param failureWindow         the limits' window (default 1h)
     * @param grantValidity         how long an identified order stays visible to the visitor (default 24h)
     */
    public record Identity(@DefaultValue("5") int maxFailuresPerVisitor, @DefaultValue("10") int maxFailuresPerOrder,
                           @DefaultValue("1h") Duration failureWindow, @DefaultValue("24h") Duration grantValidity) {
    }

    /**
     * @param replyWithin          written reply due after opening (default 72h)
     * @param complaintFollowUp    complaint follow-up due after the result (default 3d)
     * @param repairFollowUpByKind repair follow-up by repair kind (defaults minor 2d, standard 4d, major 7d)
     * @param repairFollowUpOther  repair of another kind (default 7d)
     * @param inquiryFollowUp      inquiry follow-up (default 7d)
     */
    public record Tickets(@DefaultValue("72h") Duration replyWithin, @DefaultValue("3d") Duration complaintFollowUp,
                          Map<String, Duration> repairFollowUpByKind, @DefaultValue("7d") Duration repairFollowUpOther,
                          @DefaultValue("7d") Duration inquiryFollowUp) {
    }

    public ShopRules toRules() {
        Map<String, Duration> repairKinds = tickets.repairFollowUpByKind() == null || tickets.repairFollowUpByKind().isEmpty()
                ? TicketRules.defaults().repairFollowUpByKind() : tickets.repairFollowUpByKind();
        return new ShopRules(zone, returnWindow, excludedCategories,
                new IdentityRules(identity.maxFailuresPerVisitor(), identity.maxFailuresPerOrder(),
                        identity.failureWindow(), identity.grantValidity()),
                new TicketRules(tickets.replyWithin(), tickets.complaintFollowUp(), repairKinds,
                        tickets.repairFollowUpOther(), tickets.inquiryFollowUp()));
    }
}
