package xiaoer.engine.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tracks, per conversation, since when the shopper waits for an answer. The clock starts at the first unanswered
 * shopper message (a shopper who writes again must not reset the agent's clock) but never before the current agent
 * got the conversation (they cannot answer before they have it). The clocks live in a {@link StateMap} (shared by the
 * nodes in cluster mode); every change is a compare-and-set, so concurrent writers and ticks never lose or double one.
 */
final class SilenceWatch {

    private final StateMap<SilenceClock> clocks;

    SilenceWatch(StateMap<SilenceClock> clocks) {
        this.clocks = clocks;
    }

    void shopperWrote(String conversationId, Instant at) {
        clocks.update(conversationId, t -> t == null ? new SilenceClock(at, null, false)
                : t.unansweredSince() != null ? t : new SilenceClock(at, t.assignedAt(), t.flagged()));
    }

    void agentReplied(String conversationId, Instant at) {
        clocks.update(conversationId, t -> t == null ? null : new SilenceClock(null, t.assignedAt(), false));
    }

    /** A (new) agent owns the conversation from {@code at}: their clock starts now at the earliest. */
    void assigned(String conversationId, Instant at) {
        clocks.update(conversationId, t -> new SilenceClock(t == null ? null : t.unansweredSince(), at, false));
    }

    /** Back in the queue: nobody owns it, so nobody can be silent on it. */
    void unassigned(String conversationId) {
        clocks.update(conversationId, t -> t == null ? null : new SilenceClock(t.unansweredSince(), null, false));
    }

    void forget(String conversationId) {
        clocks.remove(conversationId);
    }

    /** Conversations whose agent is silent for {@code limit} or longer and were not flagged yet; flags them. */
    List<String> flagNewlySilent(Instant now, Duration limit) {
        List<String> fresh = new ArrayList<>();
        for (Map.Entry<String, SilenceClock> e : clocks.all().entrySet()) {
            SilenceClock t = e.getValue();
            if (t.flagged() || !t.silent(now, limit)) continue;
            // the flag is a compare-and-set: of two ticks (threads or nodes) at once, one reports it
            if (clocks.replace(e.getKey(), t, new SilenceClock(t.unansweredSince(), t.assignedAt(), true))) {
                fresh.add(e.getKey());
            }
        }
        return fresh;
    }

    /** Every conversation whose agent is silent for {@code limit} or longer now, flagged or not. */
    List<String> silent(Instant now, Duration limit) {
        List<String> ids = new ArrayList<>();
        clocks.all().forEach((id, t) -> {
            if (t.silent(now, limit)) ids.add(id);
        });
        return ids;
    }

    Instant waitingSince(String conversationId) {
        return clocks.get(conversationId).map(SilenceClock::waitingSince).orElse(null);
    }
}
