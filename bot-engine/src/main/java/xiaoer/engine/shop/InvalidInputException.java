package xiaoer.engine.shop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input refused before anything was stored: field path (e.g. {@code items[0].qty}) → what is wrong with it. */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fields;

    public InvalidInputException(Map<String, String> fields) {
        super("invalid input: " + fields);
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static InvalidInputException of(String field, String problem) {
        return new InvalidInputException(Map.of(field, problem));
    }

    public Map<String, String> fields() {
        return fields;
    }
}
