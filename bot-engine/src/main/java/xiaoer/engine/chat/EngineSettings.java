package xiaoer.engine.chat;

import xiaoer.engine.policy.OpeningHours;

import java.time.Duration;

/**
 * Limits and policies of the engine; the app binds them from configuration.
 *
 * @param maxMessageLength longest shopper or agent message, in characters
 * @param humanHours       when people answer; outside them a hand-off says when they are back
 * @param courtesyAfter    a waiting shopper hears "对不起，请您稍等片刻" after this long in the queue
 */
public record EngineSettings(int maxMessageLength, OpeningHours humanHours, Duration courtesyAfter) {

    public static EngineSettings defaults() {
        return new EngineSettings(2000, OpeningHours.defaults(), Duration.ofSeconds(60));
    }

    public EngineSettings withHumanHours(OpeningHours hours) {
        return new EngineSettings(maxMessageLength, hours, courtesyAfter);
    }
}
