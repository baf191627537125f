package xiaoer.engine.shop.orders;

/** A carrier's event kinds, normalised. */
public enum ShipmentStatus {
    PICKED_UP, IN_TRANSIT, ARRIVED_AT_STATION, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION, RETURNED
}
