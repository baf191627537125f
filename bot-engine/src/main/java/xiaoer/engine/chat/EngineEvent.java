package xiaoer.engine.chat;

/** What the engine publishes for the widget and the consoles, on whichever node they are connected. */
public sealed interface EngineEvent permits ChatEvent, ConversationChanged, TypingEvent {
}
