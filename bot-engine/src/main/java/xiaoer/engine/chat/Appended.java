package xiaoer.engine.chat;

/** The result of storing an event: {@code duplicate} when its clientMsgId was stored before (the old event). */
public record Appended(ChatEvent event, boolean duplicate) {
}
