package xiaoer.app.shop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import xiaoer.engine.shop.ShopApiKey;
import xiaoer.engine.shop.ShopApiKeys;
import xiaoer.engine.shop.ShopService;
import xiaoer.engine.shop.orders.OrderDraft;
import xiaoer.engine.shop.orders.OrderDraft.ItemDraft;
import xiaoer.engine.shop.orders.ShipmentDraft;
import xiaoer.engine.shop.tickets.NewTicket;
import xiaoer.engine.shop.tickets.TicketKind;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The demo shop: an integration API key and a few orders of two demo buyers, created through {@link ShopService} —
 * the same validation the API applies — only while there are no orders (keys: while there is no key). Orders:
 * <ul>
 *   <li>DD20261124001 demo-buyer-1 (tail 1234): delivered 3 days ago, inside the return window</li>
 *   <li>DD20261124002 demo-buyer-1 (tail 1234): shipped, with 3 carrier events</li>
 *   <li>DD20261124003 demo-buyer-2 (tail 5678): paid, not shipped</li>
 *   <li>DD20261124004 demo-buyer-2 (tail 5678): delivered 10 days ago, outside the window</li>
 *   <li>DD20261124005 demo-buyer-1 (tail 1234): 内衣 delivered yesterday, an excluded category</li>
 * </ul>
 */
public final class ShopDemoData {

    private static final Logger log = LoggerFactory.getLogger(ShopDemoData.class);
    static final String SHOP = "default";

    private final ShopService shop;
    private final ShopApiKeys keys;
    private final Clock clock;
    private final ZoneId zone;

    public ShopDemoData(ShopService shop, ShopApiKeys keys, Clock clock) {
        this.shop = shop;
        this.keys = keys;
        this.clock = clock;
        this.zone = shop.rules().zone();
    }

    /** Creates what is missing and logs the demo API key when it was created now or is configured. */
    public void ensure(String configuredKey, boolean ordersEmpty) {
        ensureKey(configuredKey);
        if (ordersEmpty) createOrders();
    }

    private void ensureKey(String configuredKey) {
        Instant now = clock.instant();
        if (configuredKey != null && !configuredKey.isBlank()) {
            if (keys.shopForHash(ShopApiKey.hash(configuredKey)).isEmpty()) {
                keys.add(SHOP, ShopApiKey.hash(configuredKey), "demo (configured)", now);
            }
            log.info("demo shop API key (header X-Api-Key): {}", configuredKey);
        } else if (keys.isEmpty()) {
            String key = ShopApiKey.generate();
            keys.add(SHOP, ShopApiKey.hash(key), "demo", now);
            // shown once: only its hash is stored
            log.info("demo shop API key created (header X-Api-Key, shown only now): {}", key);
        }
    }

    private void createOrders() {
        Instant now = clock.instant();
        shop.upsertOrder(SHOP, "DD20261124001", delivered("demo-buyer-1", "1234", now.minus(Duration.ofDays(3)),
                item("TS-01", "纯棉短袖T恤 白色 L", "服装", 2, "59.00"), "118.00"));
        shop.upsertOrder(SHOP, "DD20261124002", order("demo-buyer-1", "1234", "SHIPPED", now.minus(Duration.ofDays(2)),
                null, item("SH-07", "轻便跑步鞋 42码", "鞋靴", 1, "299.00"), "299.00"));
        shipment("DD20261124002", "ev-1", now.minus(Duration.ofHours(40)), "杭州市 余杭区", "PICKED_UP", "快递员已揽收");
        shipment("DD20261124002", "ev-2", now.minus(Duration.ofHours(20)), "上海转运中心", "IN_TRANSIT", "已到达上海转运中心");
        shipment("DD20261124002", "ev-3", now.minus(Duration.ofHours(3)), "上海市 浦东新区", "OUT_FOR_DELIVERY", "派件中");
        shop.upsertOrder(SHOP, "DD20261124003", order("demo-buyer-2", "5678", "PAID", now.minus(Duration.ofHours(5)),
                null, item("MG-02", "陶瓷马克杯", "家居", 1, "39.90"), "39.90"));
        shop.upsertOrder(SHOP, "DD20261124004", delivered("demo-buyer-2", "5678", now.minus(Duration.ofDays(10)),
                item("BG-03", "帆布双肩包", "箱包", 1, "129.00"), "129.00"));
        shop.upsertOrder(SHOP, "DD20261124005", delivered("demo-buyer-1", "1234", now.minus(Duration.ofDays(1)),
                item("UW-11", "莫代尔内衣套装", "内衣", 1, "89.00"), "89.00"));
        shop.openTicket(new NewTicket(SHOP, TicketKind.INQUIRY, null, "DD20261124002 快递进度：联系快递并回复顾客",
                "顾客询问包裹何时送达", "demo-buyer-1", "demo-buyer-1", null, "DD20261124002", null, "system",
                Duration.ofHours(24)));
        log.info("demo shop orders created: DD20261124001-DD20261124005 (buyers demo-buyer-1 tail 1234, demo-buyer-2 tail 5678)");
    }

    private OrderDraft delivered(String buyer, String tail, Instant deliveredAt, ItemDraft item, String total) {
        return order(buyer, tail, "DELIVERED", deliveredAt.minus(Duration.ofDays(2)), deliveredAt, item, total);
    }

    private OrderDraft order(String buyer, String tail, String status, Instant placed, Instant delivered,
                             ItemDraft item, String total) {
        boolean shipped = !status.equals("PAID");
        return new OrderDraft(buyer, tail, status, List.of(item), new BigDecimal(total), BigDecimal.ZERO,
                "上海市浦东新区 演示路 1 号", iso(placed), iso(placed.plusSeconds(120)),
                shipped ? iso(placed.plus(Duration.ofHours(6))) : null, iso(delivered));
    }

    private void shipment(String orderNo, String eventId, Instant at, String place, String status, String text) {
        shop.recordShipment(SHOP, orderNo, new ShipmentDraft(eventId, "中通快递", "ZT7300012345", iso(at), place, status,
                text));
    }

    private static ItemDraft item(String sku, String name, String category, int qty, String price) {
        return new ItemDraft(sku, name, category, qty, new BigDecimal(price));
    }

    private String iso(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, zone).toString();
    }
}
