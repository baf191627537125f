package xiaoer.engine.chat;

import xiaoer.kb.QuickReply;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored event of a conversation. {@code seq} grows by one per event of the same visitor, across their
 * conversations, so a widget that reconnects with {@code lastSeq} gets exactly what it missed.
 *
 * @param internal true for agents' notes and whispers: never sent to the shopper
 * @param meta     the bot's notes for agents and trainers (script id, score, customer type, ...)
 */
public record ChatEvent(String conversationId, String shop, String visitorId, long seq, Sender from, String text,
                        Instant at, List<QuickReply> quickReplies, String agentName, String clientMsgId,
                        boolean internal, Map<String, String> meta) implements EngineEvent {

    public ChatEvent {
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
        meta = meta == null ? Map.of() : Map.copyOf(meta);
    }

    public String visitorKey() {
        return shop + ":" + visitorId;
    }
}
