package xiaoer.engine.shop.orders;

/**
 * A shipment event as the integration API receives it, before validation.
 *
 * @param eventId optional id from the shop or carrier; when present it alone decides what "the same event" is
 * @param at      ISO-8601 with offset
 */
public record ShipmentDraft(String eventId, String carrier, String trackingNo, String at, String place,
                            String status, String description) {
}
