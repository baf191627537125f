package xiaoer.engine.chat;

/** Someone is typing; transient, never stored. */
public record TypingEvent(String conversationId, String shop, String visitorId, Sender from, boolean on)
        implements EngineEvent {

    public String visitorKey() {
        return shop + ":" + visitorId;
    }
}
