package xiaoer.engine.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Durable storage of conversations and their events (JDBC in the app). Every call commits before it returns. */
public interface ConversationStore {

    /** The visitor's conversation that is not closed, if any. */
    Optional<Conversation> findOpen(String shop, String visitorId);

    Optional<Conversation> find(String conversationId);

    /** Starts a new conversation served by the bot. */
    Conversation create(Visitor visitor, Instant at);

    /**
     * Stores an event with the visitor's next sequence number. When the draft's clientMsgId was already stored in
     * this conversation, stores nothing and returns the earlier event as a duplicate.
     */
    Appended append(String conversationId, EventDraft draft, Instant at);

    /** The visitor's events with a sequence number above {@code afterSeq}, in order (shopper-visible ones only). */
    List<ChatEvent> eventsAfter(String shop, String visitorId, long afterSeq);

    /** The whole history of one conversation, internal notes included, in order. */
    List<ChatEvent> history(String conversationId);

    /**
     * The last {@code limit} events of one conversation with a sequence number below {@code beforeSeq}, internal notes
     * included, oldest first: the bot's context for a message, read per message, so it must not grow with the
     * conversation. The default filters {@link #history}; stores override it with a bounded query.
     */
    default List<ChatEvent> recentHistory(String conversationId, long beforeSeq, int limit) {
        List<ChatEvent> before = history(conversationId).stream().filter(e -> e.seq() < beforeSeq).toList();
        return before.subList(Math.max(0, before.size() - limit), before.size());
    }

    /**
     * The latest event of one conversation from {@code from} with a sequence number below {@code beforeSeq}, internal
     * notes included: read per message of a waiting shopper (the stage of the last system event), so it must not grow
     * with the conversation. The default looks back through {@link #recentHistory} in growing windows; stores override
     * it with a single bounded query.
     */
    default Optional<ChatEvent> lastFrom(String conversationId, Sender from, long beforeSeq) {
        for (int window = 16; ; window *= 4) {
            List<ChatEvent> recent = recentHistory(conversationId, beforeSeq, window);
            for (int i = recent.size() - 1; i >= 0; i--) {
                if (recent.get(i).from() == from) return Optional.of(recent.get(i));
            }
            if (recent.size() < window) return Optional.empty();
        }
    }

    /**
     * Moves a conversation from one status to another only if it is still in {@code from} (compare-and-set), so
     * two agents accepting at once cannot both win.
     */
    Optional<Conversation> transition(String conversationId, ConversationStatus from, ConversationStatus to,
                                      String agentId, String agentName, String reason, Instant at);

    List<Conversation> withStatus(ConversationStatus status);

    /**
     * The visitor's most recently closed conversation (the satisfaction survey's answer belongs to it; routing prefers
     * its agent). The default scans every closed conversation; stores override it with a direct look-up.
     */
    default Optional<Conversation> lastClosed(String shop, String visitorId) {
        return withStatus(ConversationStatus.CLOSED).stream()
                .filter(c -> c.shop().equals(shop) && c.visitorId().equals(visitorId))
                .max(java.util.Comparator.comparing(Conversation::updatedAt));
    }
}
