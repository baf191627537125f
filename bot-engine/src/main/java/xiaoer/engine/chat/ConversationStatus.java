package xiaoer.engine.chat;

/** Who serves a conversation now. */
public enum ConversationStatus {
    /** The bot answers. */
    BOT,
    /** Handed off, waiting in the queue for an agent. */
    QUEUED,
    /** An agent owns it. */
    AGENT,
    /** Ended; the shopper's next message starts a new conversation with the bot. */
    CLOSED
}
