package xiaoer.console.shop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import xiaoer.engine.shop.OrderUpserted;
import xiaoer.engine.shop.ShipmentRecorded;
import xiaoer.engine.shop.ShopService;
import xiaoer.engine.shop.orders.Order;
import xiaoer.engine.shop.orders.OrderDraft;
import xiaoer.engine.shop.orders.ShipmentDraft;
import xiaoer.engine.shop.orders.ShipmentEvent;

/**
 * The shop's system sends its orders and carrier events here. The shop comes from the API key, never from the body,
 * so one shop's key cannot touch another shop's orders.
 */
@RestController
@RequestMapping("/api/shop")
@Tag(name = "Shop integration", description = "Orders and shipment events from the shop's own system")
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = ShopApiKeyFilter.HEADER)
@SecurityRequirement(name = "apiKey")
public class ShopIntegrationController {

    private final ShopService shop;

    public ShopIntegrationController(ShopService shop) {
        this.shop = shop;
    }

    /** The stored order, and whether this call created it. */
    public record OrderResult(Order order, boolean created) {
    }

    /** The event as stored, and whether the same event had been recorded before (then nothing changed). */
    public record ShipmentResult(ShipmentEvent event, boolean duplicate) {
    }

    @PutMapping("/orders/{orderNo}")
    @Operation(summary = "Create or replace an order",
            description = "Times are ISO-8601 with offset. status: UNPAID, PAID, SHIPPED, DELIVERED, COMPLETED, "
                    + "CANCELLED; the times a status implies are required. Optional updatedAt: when your system "
                    + "last changed the order; with it, a version older than the stored one (an update that arrived "
                    + "late) is refused with 409 {\"error\":\"stale\"} and changes nothing. 400 lists every "
                    + "invalid field ({\"error\":\"invalid\",\"fields\":{\"items[0].qty\":\"must be ≥ 1\"}}) and "
                    + "stores nothing.")
    public ResponseEntity<OrderResult> upsert(@Parameter(hidden = true) @RequestAttribute(ShopApiKeyFilter.SHOP) String shopName,
                                              @PathVariable String orderNo, @RequestBody OrderDraft body) {
        OrderUpserted r = shop.upsertOrder(shopName, orderNo, body);
        return ResponseEntity.status(r.created() ? 201 : 200).body(new OrderResult(r.order(), r.created()));
    }

    @PostMapping("/orders/{orderNo}/shipments")
    @Operation(summary = "Append a shipment event",
            description = "status: PICKED_UP, IN_TRANSIT, ARRIVED_AT_STATION, OUT_FOR_DELIVERY, DELIVERED, "
                    + "EXCEPTION, RETURNED. The same event (same eventId, or without one the same carrier, "
                    + "trackingNo, at and status) is recorded once: the repeat answers 200 with duplicate=true. "
                    + "404 when the order is unknown.")
    public ResponseEntity<ShipmentResult> shipment(@Parameter(hidden = true, in = ParameterIn.DEFAULT)
                                                   @RequestAttribute(ShopApiKeyFilter.SHOP) String shopName,
                                                   @PathVariable String orderNo, @RequestBody ShipmentDraft body) {
        ShipmentRecorded r = shop.recordShipment(shopName, orderNo, body);
        return ResponseEntity.status(r.duplicate() ? 200 : 201).body(new ShipmentResult(r.event(), r.duplicate()));
    }
}
