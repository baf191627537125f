package xiaoer.app.shop;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.engine.shop.orders.Order;
import xiaoer.engine.shop.orders.OrderItem;
import xiaoer.engine.shop.orders.OrderRepository;
import xiaoer.engine.shop.orders.OrderStatus;
import xiaoer.engine.shop.orders.ShipmentEvent;
import xiaoer.engine.shop.orders.ShipmentStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static xiaoer.app.shop.JdbcTimes.instant;
import static xiaoer.app.shop.JdbcTimes.ts;

/** Orders, their items and shipment events in SQL. An upsert replaces the order and its items in one transaction. */
public final class JdbcOrderRepository implements OrderRepository {

    private static final String COLUMNS = "shop, order_no, buyer_id, phone_tail, status, total, shipping_fee, address, "
            + "placed_at, paid_at, shipped_at, delivered_at, updated_at, source_updated_at";
    private static final String EVENT_COLUMNS = "shop, order_no, event_key, carrier, tracking_no, at, place, status, "
            + "description";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcOrderRepository(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Upsert upsert(Order o) {
        try {
            return tx.execute(s -> upsertInTransaction(o));
        } catch (DuplicateKeyException raced) {
            // another node inserted the same new order between our update and insert: now it is an update
            return tx.execute(s -> upsertInTransaction(o));
        }
    }

    private Upsert upsertInTransaction(Order o) {
        // H2 has no "on conflict do update": update first (locks the row), insert when there was none. With the shop
        // system's change time, only a version at least as recent as the stored one replaces it.
        String set = "update shop_orders set buyer_id = ?, phone_tail = ?, status = ?, total = ?, shipping_fee = ?, "
                + "address = ?, placed_at = ?, paid_at = ?, shipped_at = ?, delivered_at = ?, updated_at = ?, "
                + "source_updated_at = coalesce(?, source_updated_at) where shop = ? and order_no = ?";
        List<Object> args = new ArrayList<>(List.of(o.buyerId(), o.phoneTail(), o.status().name(), o.total(),
                o.shippingFee()));
        args.add(o.address());
        for (Instant at : new Instant[] {o.placedAt(), o.paidAt(), o.shippedAt(), o.deliveredAt(), o.updatedAt(),
                o.sourceUpdatedAt()}) {
            args.add(ts(at));
        }
        args.add(o.shop());
        args.add(o.orderNo());
        if (o.sourceUpdatedAt() != null) {
            set += " and (source_updated_at is null or source_updated_at <= ?)";
            args.add(ts(o.sourceUpdatedAt()));
        }
        int updated = jdbc.update(set, args.toArray());
        if (updated == 0) {
            Integer stored = jdbc.queryForObject("select count(*) from shop_orders where shop = ? and order_no = ?",
                    Integer.class, o.shop(), o.orderNo());
            if (stored != null && stored > 0) return Upsert.STALE; // only the version check can have refused it
            jdbc.update("insert into shop_orders (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    o.shop(), o.orderNo(), o.buyerId(), o.phoneTail(), o.status().name(), o.total(), o.shippingFee(),
                    o.address(), ts(o.placedAt()), ts(o.paidAt()), ts(o.shippedAt()), ts(o.deliveredAt()),
                    ts(o.updatedAt()), ts(o.sourceUpdatedAt()));
        }
        jdbc.update("delete from shop_order_items where shop = ? and order_no = ?", o.shop(), o.orderNo());
        int line = 0;
        for (OrderItem i : o.items()) {
            jdbc.update("insert into shop_order_items (shop, order_no, line, sku, name, category, qty, unit_price) "
                            + "values (?,?,?,?,?,?,?,?)",
                    o.shop(), o.orderNo(), line++, i.sku(), i.name(), i.category(), i.qty(), i.unitPrice());
        }
        return updated == 0 ? Upsert.CREATED : Upsert.REPLACED;
    }

    @Override
    public Optional<Order> find(String shop, String orderNo) {
        return jdbc.query("select " + COLUMNS + " from shop_orders where shop = ? and order_no = ?", orderMapper(),
                shop, orderNo).stream().findFirst().map(this::withItems);
    }

    @Override
    public List<Order> findByBuyer(String shop, String buyerId) {
        return jdbc.query("select " + COLUMNS + " from shop_orders where shop = ? and buyer_id = ? "
                + "order by placed_at desc, order_no", orderMapper(), shop, buyerId).stream().map(this::withItems).toList();
    }

    @Override
    public boolean appendShipment(ShipmentEvent e) {
        return jdbc.update("insert into shop_shipment_events (" + EVENT_COLUMNS + ", received_at) "
                        + "values (?,?,?,?,?,?,?,?,?,?) on conflict do nothing",
                e.shop(), e.orderNo(), e.eventKey(), e.carrier(), e.trackingNo(), ts(e.at()), e.place(),
                e.status().name(), e.description(), ts(Instant.now())) == 1;
    }

    @Override
    public List<ShipmentEvent> shipments(String shop, String orderNo) {
        return jdbc.query("select " + EVENT_COLUMNS + " from shop_shipment_events where shop = ? and order_no = ? "
                + "order by at, event_key", (rs, n) -> new ShipmentEvent(rs.getString("shop"), rs.getString("order_no"),
                rs.getString("event_key"), rs.getString("carrier"), rs.getString("tracking_no"), instant(rs, "at"),
                rs.getString("place"), ShipmentStatus.valueOf(rs.getString("status")), rs.getString("description")),
                shop, orderNo);
    }

    @Override
    public long countCustomers(Instant from, Instant to) {
        Long n = jdbc.queryForObject("select count(distinct buyer_id) from shop_orders where placed_at >= ? "
                + "and placed_at < ?", Long.class, ts(from), ts(to));
        return n == null ? 0 : n;
    }

    @Override
    public boolean isEmpty() {
        return jdbc.queryForList("select order_no from shop_orders limit 1", String.class).isEmpty();
    }

    /** Reads the order row without items (filled by {@link #withItems}, after the result set is closed). */
    private static RowMapper<Order> orderMapper() {
        return (rs, n) -> {
            String shop = rs.getString("shop");
            String no = rs.getString("order_no");
            return new Order(shop, no, rs.getString("buyer_id"), rs.getString("phone_tail"),
                    OrderStatus.valueOf(rs.getString("status")), List.of(), rs.getBigDecimal("total"),
                    rs.getBigDecimal("shipping_fee"), rs.getString("address"), instant(rs, "placed_at"),
                    instant(rs, "paid_at"), instant(rs, "shipped_at"), instant(rs, "delivered_at"),
                    instant(rs, "updated_at"), instant(rs, "source_updated_at"));
        };
    }

    private Order withItems(Order o) {
        return new Order(o.shop(), o.orderNo(), o.buyerId(), o.phoneTail(), o.status(), items(o.shop(), o.orderNo()),
                o.total(), o.shippingFee(), o.address(), o.placedAt(), o.paidAt(), o.shippedAt(), o.deliveredAt(),
                o.updatedAt(), o.sourceUpdatedAt());
    }

    private List<OrderItem> items(String shop, String orderNo) {
        return jdbc.query("select sku, name, category, qty, unit_price from shop_order_items where shop = ? "
                        + "and order_no = ? order by line",
                (rs, n) -> new OrderItem(rs.getString("sku"), rs.getString("name"), rs.getString("category"),
                        rs.getInt("qty"), rs.getBigDecimal("unit_price")), shop, orderNo);
    }
}
