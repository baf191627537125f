package xiaoer.engine.training;

import java.time.Instant;
import java.util.List;
import xiaoer.engine.chat.ChatEvent;

/**
 * Read port over the conversations: the events of recent conversations in which the bot handed off or was unsure
 * (bot events whose notes say {@code decision} handoff or suggest).
 */
@FunctionalInterface
public interface MissSource {

    /** Every event (shopper, bot, agent) of at most {@code maxConversations} such conversations since {@code since}. */
    List<ChatEvent> conversationsWithMisses(Instant since, int maxConversations);

    /** No conversations: for set-ups without a conversation database. */
    static MissSource none() {
        return (since, max) -> List.of();
    }
}
