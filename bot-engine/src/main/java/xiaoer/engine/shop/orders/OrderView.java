package xiaoer.engine.shop.orders;

import java.util.List;
import java.util.Optional;

/** An order with its shipment events, oldest first: what a shopper or an agent is shown. */
public record OrderView(Order order, List<ShipmentEvent> shipments) {

    public OrderView {
        shipments = List.copyOf(shipments);
    }

    /** The newest event by event time (not by arrival: carriers report late). */
    public Optional<ShipmentEvent> latestShipment() {
        return shipments.isEmpty() ? Optional.empty() : Optional.of(shipments.get(shipments.size() - 1));
    }
}
