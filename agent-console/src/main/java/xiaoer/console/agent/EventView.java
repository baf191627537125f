package xiaoer.console.agent;

import xiaoer.engine.chat.ChatEvent;
import xiaoer.kb.QuickReply;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event of a conversation as the console shows it: the shopper-visible ones and the internal notes.
 *
 * @param seq      the visitor's sequence number: the console de-duplicates and catches up by it
 * @param from     shopper, bot, agent or system
 * @param internal true for an agent's note, never shown to the shopper
 * @param meta     the bot's notes (decision, scriptId, score, customerType, handoff)
 */
public record EventView(String conversationId, long seq, String from, String text, Instant at, String agentName,
                        boolean internal, Map<String, String> meta, List<QuickReply> quickReplies) {

    static EventView of(ChatEvent e) {
        return new EventView(e.conversationId(), e.seq(), e.from().wire(), e.text(), e.at(), e.agentName(),
                e.internal(), e.meta(), e.quickReplies());
    }
}
