package xiaoer.engine.shop;

import xiaoer.engine.shop.orders.ShipmentEvent;

/** The event as validated, and whether it had been recorded before (then nothing was stored). */
public record ShipmentRecorded(ShipmentEvent event, boolean duplicate) {
}
