package xiaoer.engine.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * One conversation's silence clock (see {@link SilenceWatch}): since when the shopper's message is unanswered, since
 * when the current agent owns it, and whether the lead was told already.
 *
 * @param unansweredSince the first shopper message not answered yet, or null
 * @param assignedAt      when the current agent got the conversation, or null while nobody owns it
 * @param flagged         the lead was told about this silence
 */
public record SilenceClock(Instant unansweredSince, Instant assignedAt, boolean flagged) {

    /** The agent's silence counts from the later of the two: they cannot answer before they have it. */
    public Instant waitingSince() {
        if (unansweredSince == null || assignedAt == null) return null;
        return unansweredSince.isAfter(assignedAt) ? unansweredSince : assignedAt;
    }

    boolean silent(Instant now, Duration limit) {
        Instant since = waitingSince();
        return since != null && Duration.between(since, now).compareTo(limit) >= 0;
    }
}
