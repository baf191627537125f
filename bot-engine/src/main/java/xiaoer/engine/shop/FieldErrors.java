package xiaoer.engine.shop;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects field-level problems in input order; {@link #throwIfAny()} turns them into one {@link InvalidInputException}. */
public final class FieldErrors {

    private final Map<String, String> fields = new LinkedHashMap<>();

    public void add(String field, String problem) {
        fields.putIfAbsent(field, problem);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public void throwIfAny() {
        if (!fields.isEmpty()) throw new InvalidInputException(fields);
    }

    /** A required, trimmed text of at most {@code max} characters; null when missing or invalid (error recorded). */
    public String requiredText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        return optionalText(field, value, max);
    }

    /** An optional trimmed text of at most {@code max} characters; null when blank. */
    public String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) return null;
        String t = value.strip();
        if (t.length() > max) {
            add(field, "must be at most " + max + " characters");
            return null;
        }
        return t;
    }

    /** An optional ISO-8601 time with an offset; null when missing or invalid (error recorded). */
    public Instant optionalInstant(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            // stored with microsecond precision, so keep no more than that
            return OffsetDateTime.parse(value.strip()).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            add(field, "must be an ISO-8601 time with offset, e.g. 2026-11-03T10:15:30+08:00");
            return null;
        }
    }

    public Instant requiredInstant(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        return optionalInstant(field, value);
    }

    /** An enum constant by name, case-insensitive; null when missing or unknown (error recorded). */
    public <E extends Enum<E>> E requiredEnum(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) return e;
        }
        add(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        return null;
    }
}
