package xiaoer.engine.routing;

import java.time.Duration;

/**
 * A shopper has waited past the queue timeout: offer to leave a message (it becomes a ticket) — a waiting shopper must
 * never be left silent (domain.md §4). Offered once per stay in the queue; the shopper may also keep waiting.
 *
 * @param entry      the waiting conversation
 * @param waited     how long it has been in the queue this time
 * @param messageKey the Chinese offer text's key
 */
public record QueueTimeout(QueueEntry entry, Duration waited, String messageKey) {

    public static final String OFFER_KEY = "routing.queue_timeout.offer";

    public String conversationId() {
        return entry.conversationId();
    }
}
