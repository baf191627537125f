package xiaoer.engine.chat;

/**
 * Limits and policies of the engine; the app binds them from configuration.
 *
 * @param maxMessageLength     longest shopper or agent message, in characters
 * @param lowConfidenceLimit   hand off after this many unsure bot turns in a row
 */
public record EngineSettings(int maxMessageLength, int lowConfidenceLimit) {

    public static EngineSettings defaults() {
        return new EngineSettings(2000, 2);
    }
}
