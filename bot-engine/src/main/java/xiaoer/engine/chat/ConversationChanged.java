package xiaoer.engine.chat;

/** A conversation changed hands or state (queued, accepted, closed): consoles refresh their lists. */
public record ConversationChanged(Conversation conversation) implements EngineEvent {
}
