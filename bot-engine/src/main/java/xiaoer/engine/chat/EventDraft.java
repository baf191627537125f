package xiaoer.engine.chat;

import xiaoer.kb.QuickReply;

import java.util.List;
import java.util.Map;

/** An event before the store has given it a sequence number. */
public record EventDraft(Sender from, String text, List<QuickReply> quickReplies, String agentName,
                         String clientMsgId, boolean internal, Map<String, String> meta) {

    public static EventDraft shopper(String text, String clientMsgId) {
        return new EventDraft(Sender.SHOPPER, text, List.of(), null, clientMsgId, false, Map.of());
    }

    public static EventDraft system(String text, List<QuickReply> quickReplies) {
        return new EventDraft(Sender.SYSTEM, text, quickReplies, null, null, false, Map.of());
    }

    public static EventDraft bot(String text, List<QuickReply> quickReplies, Map<String, String> meta) {
        return new EventDraft(Sender.BOT, text, quickReplies, null, null, false, meta);
    }

    public static EventDraft agent(String agentName, String text) {
        return new EventDraft(Sender.AGENT, text, List.of(), agentName, null, false, Map.of());
    }

    public static EventDraft note(String agentName, String text) {
        return new EventDraft(Sender.AGENT, text, List.of(), agentName, null, true, Map.of());
    }
}
