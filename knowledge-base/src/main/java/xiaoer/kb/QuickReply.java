package xiaoer.kb;

/** A button under a message: {@code label} is shown, {@code text} is sent as the shopper's message when pressed. */
public record QuickReply(String label, String text) {
}
