package xiaoer.engine.routing;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Routing limits; the app binds them from configuration.
 *
 * @param silentAfter  an agent who has not answered the shopper for this long is flagged (default 120 s)
 * @param queueTimeout a shopper waiting this long is offered to leave a message (default 10 min)
 * @param zone         the shop's time zone: where "today" starts for the assignments-today tie-break
 */
public record RoutingSettings(Duration silentAfter, Duration queueTimeout, ZoneId zone) {

    public RoutingSettings {
        Objects.requireNonNull(zone, "zone");
        requirePositive(silentAfter, "silentAfter");
        requirePositive(queueTimeout, "queueTimeout");
    }

    public static RoutingSettings defaults() {
        return new RoutingSettings(Duration.ofSeconds(120), Duration.ofMinutes(10), ZoneId.of("Asia/Shanghai"));
    }

    static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }
}
