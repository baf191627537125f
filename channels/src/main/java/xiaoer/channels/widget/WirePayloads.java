package xiaoer.channels.widget;

import xiaoer.engine.chat.Ack;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.Sender;
import xiaoer.kb.QuickReply;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The widget protocol's JSON shapes (ARCHITECTURE.md, "Widget protocol"), as maps Jackson writes as they are. */
final class WirePayloads {

    static final int MAX_CLIENT_MSG_ID = 100;

    private WirePayloads() {
    }

    /** A server → client {@code message}. */
    static Map<String, Object> message(ChatEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("conversationId", e.conversationId());
        m.put("from", e.from().wire());
        m.put("text", e.text());
        m.put("at", DateTimeFormatter.ISO_INSTANT.format(e.at()));
        if (!e.quickReplies().isEmpty()) {
            List<Map<String, Object>> buttons = new ArrayList<>(e.quickReplies().size());
            for (QuickReply q : e.quickReplies()) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("label", q.label());
                b.put("text", q.text());
                buttons.add(b);
            }
            m.put("quickReplies", buttons);
        }
        if (e.agentName() != null && !e.agentName().isBlank()) m.put("agent", Map.of("name", e.agentName()));
        // additive, shopper events only: lets a widget match a replayed message to one it still shows as pending
        if (e.from() == Sender.SHOPPER && e.clientMsgId() != null) m.put("clientMsgId", e.clientMsgId());
        return m;
    }

    static Map<String, Object> typing(Sender from, boolean on) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from.wire());
        m.put("on", on);
        return m;
    }

    static Map<String, Object> ack(Ack ack) {
        return ack.ok() ? ackOk(ack.seq()) : ackError(ack.error(), ack.message());
    }

    static Map<String, Object> ackOk(long seq) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        m.put("seq", seq);
        return m;
    }

    static Map<String, Object> ackError(String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", false);
        m.put("error", code);
        m.put("message", message);
        return m;
    }

    /** A client → server {@code message} that has the right shape; the engine checks emptiness and length. */
    record Inbound(String clientMsgId, String text) {
    }

    /** Null when the payload is not {@code {"clientMsgId": "<1..100 chars>", "text": "<string>"}}. */
    static Inbound parseMessage(Object payload) {
        if (!(payload instanceof Map<?, ?> map)) return null;
        if (!(map.get("clientMsgId") instanceof String id) || id.isBlank() || id.length() > MAX_CLIENT_MSG_ID) {
            return null;
        }
        if (!(map.get("text") instanceof String text)) return null;
        return new Inbound(id, text);
    }

    /** The {@code on} flag of a client {@code typing} event; null when malformed. */
    static Boolean parseTyping(Object payload) {
        if (payload instanceof Map<?, ?> map && map.get("on") instanceof Boolean on) return on;
        return null;
    }
}
