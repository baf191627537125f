package xiaoer.console.agent;

/**
 * What the console receives over STOMP. {@code type} tells the kind: {@code conversation} (a list changed),
 * {@code message} (a stored event, with its seq) or {@code typing} (transient, no seq).
 */
public record ConsolePush(String type, String conversationId, Long seq, ConversationView conversation,
                          EventView event, String from, Boolean on) {

    static ConsolePush conversation(ConversationView c) {
        return new ConsolePush("conversation", c.id(), null, c, null, null, null);
    }

    static ConsolePush message(EventView e) {
        return new ConsolePush("message", e.conversationId(), e.seq(), null, e, e.from(), null);
    }

    static ConsolePush typing(String conversationId, String from, boolean on) {
        return new ConsolePush("typing", conversationId, null, null, null, from, on);
    }
}
