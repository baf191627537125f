package xiaoer.engine.chat;

import java.time.Instant;

/** One chat between a shopper and the shop, from greeting to close. */
public record Conversation(String id, String shop, String visitorId, boolean verified, String customerName,
                           ConversationStatus status, String agentId, String agentName, String handoffReason,
                           Instant createdAt, Instant queuedAt, Instant updatedAt) {

    public boolean isOpen() {
        return status != ConversationStatus.CLOSED;
    }
}
