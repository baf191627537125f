package xiaoer.engine.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.Sender;
import xiaoer.kb.QuickReply;

/**
 * Reads misses out of conversations: a bot turn noted {@code decision=handoff} or {@code decision=suggest} is a miss
 * of the shopper message right before it. Hand-offs the shopper asked for (the bot answered with the "human" or
 * complaint script) are not misses: their notes say {@code decision=answer}.
 */
public final class MissExtractor {

    private MissExtractor() {
    }

    public static List<Miss> extract(List<ChatEvent> events) {
        Map<String, List<ChatEvent>> byConversation = new LinkedHashMap<>();
        for (ChatEvent e : events) byConversation.computeIfAbsent(e.conversationId(), k -> new ArrayList<>()).add(e);
        List<Miss> out = new ArrayList<>();
        for (List<ChatEvent> conversation : byConversation.values()) {
            conversation.sort(Comparator.comparingLong(ChatEvent::seq));
            out.addAll(fromConversation(conversation));
        }
        out.sort(Comparator.comparing(Miss::at).reversed());
        return out;
    }

    private static List<Miss> fromConversation(List<ChatEvent> events) {
        List<Miss> out = new ArrayList<>();
        ChatEvent question = null;
        for (int i = 0; i < events.size(); i++) {
            ChatEvent e = events.get(i);
            if (e.internal()) continue;
            if (e.from() == Sender.SHOPPER) {
                question = e;
                continue;
            }
            if (e.from() != Sender.BOT || question == null) continue;
            String decision = e.meta().get("decision");
            if (!Miss.HANDOFF.equals(decision) && !Miss.SUGGEST.equals(decision)) continue;
            String kind = decision;
            String agentReply = null;
            if (Miss.SUGGEST.equals(decision)) {
                ChatEvent next = next(events, i, Sender.SHOPPER);
                if (next != null && !pressed(e.quickReplies(), next.text())) kind = Miss.SUGGEST_IGNORED;
            } else {
                ChatEvent reply = next(events, i, Sender.AGENT);
                agentReply = reply == null ? null : reply.text();
            }
            out.add(new Miss(question.conversationId() + ":" + question.seq(), question.conversationId(),
                    question.at(), kind, question.text(), score(e.meta().get("score")), e.meta().get("handoff"),
                    agentReply));
            question = null;
        }
        return out;
    }

    private static ChatEvent next(List<ChatEvent> events, int after, Sender from) {
        for (int j = after + 1; j < events.size(); j++) {
            ChatEvent e = events.get(j);
            if (!e.internal() && e.from() == from) return e;
        }
        return null;
    }

    private static boolean pressed(List<QuickReply> offered, String text) {
        for (QuickReply r : offered) if (r.text() != null && r.text().equals(text)) return true;
        return false;
    }

    private static double score(String s) {
        if (s == null) return 0;
        try {
            return Double.parseDouble(s.replace(',', '.'));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
