package xiaoer.app.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Queue, routing and seat rules ({@code xiaoer.routing.*}; domain.md §4, §7).
 *
 * @param silentAfter   an agent who has not answered the shopper this long is flagged to the lead
 * @param queueTimeout  a shopper waiting this long is offered to leave a message (it becomes a ticket)
 * @param maxAway       seats that may be away at once
 * @param awayLimit     how long an away break may last before the lead is told
 * @param tick          how often the routing pass runs (timeouts, silent agents, positions)
 * @param offlineAfter  an agent with no open console this long (closed browser, lost network, dead node) goes
 *                      OFFLINE and their chats go back to the queue; long enough for a page reload or a fail-over.
 *                      Also how long chats stored with an agent unseen since this node started wait for them
 */
@ConfigurationProperties("xiaoer.routing")
public record RoutingProperties(@DefaultValue("120s") Duration silentAfter,
                                @DefaultValue("10m") Duration queueTimeout,
                                @DefaultValue("2") int maxAway,
                                @DefaultValue("15m") Duration awayLimit,
                                @DefaultValue("5s") Duration tick,
                                @DefaultValue("90s") Duration offlineAfter) {
}
