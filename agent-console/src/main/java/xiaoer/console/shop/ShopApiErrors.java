package xiaoer.console.shop;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import xiaoer.engine.shop.ConcurrentUpdateException;
import xiaoer.engine.shop.InvalidInputException;
import xiaoer.engine.shop.RecordNotFoundException;
import xiaoer.engine.shop.ShopRuleException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shop endpoints' errors, ahead of the console's general advice: invalid input is
 * {@code 400 {"error":"invalid","fields":{"items[0].qty":"must be ≥ 1"}}}, unknown records 404, rule breaks and lost
 * races 409. A body that does not even bind (text where a number belongs) names the offending field the same way.
 */
@RestControllerAdvice(assignableTypes = {ShopIntegrationController.class, ShopConsoleController.class, DamageConsoleController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ShopApiErrors {

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "invalid", "fields", e.fields()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String field = e.getCause() instanceof JacksonException j ? path(j.getPath()) : "";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(field.isEmpty() ? "body" : field,
                field.isEmpty() ? "must be a JSON object of the documented shape" : "has the wrong type");
        return ResponseEntity.badRequest().body(Map.of("error", "invalid", "fields", fields));
    }

    @ExceptionHandler(RecordNotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(RecordNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found", "message", e.getMessage()));
    }

    @ExceptionHandler(ShopRuleException.class)
    ResponseEntity<Map<String, Object>> rule(ShopRuleException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.code(), "message", e.getMessage()));
    }

    @ExceptionHandler(ConcurrentUpdateException.class)
    ResponseEntity<Map<String, Object>> race(ConcurrentUpdateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "conflict", "message", e.getMessage()));
    }

    /** Jackson's reference path as {@code items[0].qty}. */
    static String path(List<JacksonException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : refs) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
