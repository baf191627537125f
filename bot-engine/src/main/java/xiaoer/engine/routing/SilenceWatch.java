package xiaoer.engine.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Tracks, per conversation, since when the shopper waits for an answer. The clock starts at the first unanswered
 * shopper message (a shopper who writes again must not reset the agent's clock) but never before the current agent
 * got the conversation (they cannot answer before they have it). Thread-safe.
 */
final class SilenceWatch {

    private record Times(Instant unansweredSince, Instant assignedAt, boolean flagged) {

        Instant waitingSince() {
            if (unansweredSince == null || assignedAt == null) return null;
            return unansweredSince.isAfter(assignedAt) ? unansweredSince : assignedAt;
        }
    }

    private final ConcurrentMap<String, Times> times = new ConcurrentHashMap<>();

    void shopperWrote(String conversationId, Instant at) {
        times.compute(conversationId, (id, t) -> t == null ? new Times(at, null, false)
                : t.unansweredSince() != null ? t : new Times(at, t.assignedAt(), t.flagged()));
    }

    void agentReplied(String conversationId, Instant at) {
        times.computeIfPresent(conversationId, (id, t) -> new Times(null, t.assignedAt(), false));
    }

    /** A (new) agent owns the conversation from {@code at}: their clock starts now at the earliest. */
    void assigned(String conversationId, Instant at) {
        times.compute(conversationId, (id, t) -> new Times(t == null ? null : t.unansweredSince(), at, false));
    }

    /** Back in the queue: nobody owns it, so nobody can be silent on it. */
    void unassigned(String conversationId) {
        times.computeIfPresent(conversationId, (id, t) -> new Times(t.unansweredSince(), null, false));
    }

    void forget(String conversationId) {
        times.remove(conversationId);
    }

    /** Conversations whose agent is silent for {@code limit} or longer and were not flagged yet; flags them. */
    List<String> flagNewlySilent(Instant now, Duration limit) {
        List<String> fresh = new ArrayList<>();
        for (String id : times.keySet()) {
            boolean[] flaggedHere = {false};
            times.computeIfPresent(id, (k, t) -> {
                if (t.flagged() || !silent(t, now, limit)) return t;
                flaggedHere[0] = true; // decided inside compute: two ticks at once cannot both report it
                return new Times(t.unansweredSince(), t.assignedAt(), true);
            });
            if (flaggedHere[0]) fresh.add(id);
        }
        return fresh;
    }

    /** Every conversation whose agent is silent for {@code limit} or longer now, flagged or not. */
    List<String> silent(Instant now, Duration limit) {
        List<String> ids = new ArrayList<>();
        times.forEach((id, t) -> {
            if (silent(t, now, limit)) ids.add(id);
        });
        return ids;
    }

    private static boolean silent(Times t, Instant now, Duration limit) {
        Instant since = t.waitingSince();
        return since != null && Duration.between(since, now).compareTo(limit) >= 0;
    }

    Instant waitingSince(String conversationId) {
        Times t = times.get(conversationId);
        return t == null ? null : t.waitingSince();
    }
}
