package xiaoer.engine.shop.orders;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of orders and shipment events (JDBC in the app). Every call commits before it returns. */
public interface OrderRepository {

    /** Creates or replaces the order with its items, atomically. Returns true when it was created. */
    boolean upsert(Order order);

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
