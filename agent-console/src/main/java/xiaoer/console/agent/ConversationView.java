package xiaoer.console.agent;

import xiaoer.engine.chat.Conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A conversation as the console lists it.
 *
 * @param status         bot, queued, agent or closed
 * @param waitingSeconds how long a queued conversation has waited; 0 unless queued
 */
public record ConversationView(String id, String shop, String visitorId, String customerName, boolean verified,
                               String status, String agentId, String agentName, String handoffReason,
                               Instant createdAt, Instant queuedAt, Instant updatedAt, long waitingSeconds) {

    static ConversationView of(Conversation c, Clock clock) {
        long waiting = 0;
        if (c.queuedAt() != null && c.status() == xiaoer.engine.chat.ConversationStatus.QUEUED) {
            waiting = Math.max(0, Duration.between(c.queuedAt(), clock.instant()).toSeconds());
        }
        return new ConversationView(c.id(), c.shop(), c.visitorId(), c.customerName(), c.verified(),
                c.status().name().toLowerCase(), c.agentId(), c.agentName(), c.handoffReason(), c.createdAt(),
                c.queuedAt(), c.updatedAt(), waiting);
    }
}
