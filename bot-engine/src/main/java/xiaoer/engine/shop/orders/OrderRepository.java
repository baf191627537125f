package xiaoer.engine.shop.orders;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of orders and shipment events (JDBC in the app). Every call commits before it returns. */
public interface OrderRepository {

    /** What an upsert did. */
    enum Upsert {
        CREATED, REPLACED,
        /** The stored order carries a later {@link Order#sourceUpdatedAt()} than this one: nothing changed. */
        STALE
    }

    /**
     * Creates or replaces the order with its items, atomically; when both the stored order and this one carry the shop
     * system's change time, only a version at least as recent replaces it.
     */
    Upsert upsert(Order order);

    Optional<Order> find(String shop, String orderNo);

    /** The buyer's orders, newest first. */
    List<Order> findByBuyer(String shop, String buyerId);

    /** Stores the event unless one with the same (shop, order, key) exists. Returns false for such a duplicate. */
    boolean appendShipment(ShipmentEvent event);

    /** The order's events, oldest first by event time. */
    List<ShipmentEvent> shipments(String shop, String orderNo);

    /** Distinct buyers with an order placed in [from, to): the "customers" of the complaint rate. */
    long countCustomers(Instant from, Instant to);

    boolean isEmpty();
}
