package xiaoer.engine.shop.orders;

import xiaoer.engine.shop.FieldErrors;
import xiaoer.engine.shop.InvalidInputException;
import xiaoer.engine.shop.ShopApiKey;

import java.time.Instant;

/** Turns a {@link ShipmentDraft} into a {@link ShipmentEvent} with its idempotence key, or refuses it. */
public final class ShipmentValidator {

    private ShipmentValidator() {
    }

    /** @throws InvalidInputException listing every problem */
    public static ShipmentEvent validate(String shop, String orderNo, ShipmentDraft d) {
        FieldErrors errors = new FieldErrors();
        if (d == null) {
            errors.add("body", "is required");
            errors.throwIfAny();
        }
        String eventId = errors.optionalText("eventId", d.eventId(), 100);
        String carrier = errors.requiredText("carrier", d.carrier(), 64);
        String tracking = errors.requiredText("trackingNo", d.trackingNo(), 64);
        Instant at = errors.requiredInstant("at", d.at());
        String place = errors.optionalText("place", d.place(), 200);
        ShipmentStatus status = errors.requiredEnum("status", d.status(), ShipmentStatus.class);
        String description = errors.optionalText("description", d.description(), 500);
        errors.throwIfAny();
        String identity = eventId != null ? "id\n" + eventId
                : "event\n" + carrier + "\n" + tracking + "\n" + at + "\n" + status;
        return new ShipmentEvent(shop, orderNo, ShopApiKey.hash(identity), carrier, tracking, at, place, status,
                description);
    }
}
