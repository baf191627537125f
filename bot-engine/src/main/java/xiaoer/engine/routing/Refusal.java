package xiaoer.engine.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why a request was refused.
 *
 * @param code       stable code for clients, e.g. {@code too_many_away}
 * @param message    English text for logs and the console
 * @param messageKey key of the Chinese text; fill its placeholders from {@code args}
 * @param args       the values of the placeholders
 */
public record Refusal(String code, String message, String messageKey, Map<String, String> args) {

    public Refusal {
        Objects.requireNonNull(code, "code");
        args = Map.copyOf(args);
    }

    /** Builds a refusal from alternating placeholder names and values. */
    public static Refusal of(RefusalCode reason, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("names and values must pair up");
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
        }
        String message = reason.template();
        for (Map.Entry<String, String> a : args.entrySet()) {
            message = message.replace("{" + a.getKey() + "}", a.getValue());
        }
        return new Refusal(reason.code(), message, reason.messageKey(), args);
    }
}
