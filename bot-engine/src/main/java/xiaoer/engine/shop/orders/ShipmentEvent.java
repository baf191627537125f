package xiaoer.engine.shop.orders;

import java.time.Instant;

/**
 * One carrier event of an order's parcel.
 *
 * @param eventKey the idempotence key: SHA-256 of the shop's event id when given, else of carrier, tracking
 *                 number, time and status — the same event sent twice has the same key and is stored once
 * @param place    where it happened, may be null
 */
public record ShipmentEvent(String shop, String orderNo, String eventKey, String carrier, String trackingNo,
                            Instant at, String place, ShipmentStatus status, String description) {
}
