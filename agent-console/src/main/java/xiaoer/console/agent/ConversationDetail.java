package xiaoer.console.agent;

import java.util.List;

/** A conversation with its whole history (internal notes and the bot's notes included), oldest first. */
public record ConversationDetail(ConversationView conversation, List<EventView> events, long lastSeq) {
}
