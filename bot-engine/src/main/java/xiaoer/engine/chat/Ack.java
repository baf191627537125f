package xiaoer.engine.chat;

/**
 * The answer to a shopper's message: {@code ok} with its sequence number once stored, or an error code with a text
 * for the shopper. {@code duplicate} marks a repeated clientMsgId (acked again with the first seq, stored once).
 */
public record Ack(boolean ok, long seq, String error, String message, ChatEvent event, boolean duplicate) {

    public static Ack stored(Appended appended) {
        return new Ack(true, appended.event().seq(), null, null, appended.event(), appended.duplicate());
    }

    public static Ack refused(String error, String message) {
        return new Ack(false, 0, error, message, null, false);
    }
}
