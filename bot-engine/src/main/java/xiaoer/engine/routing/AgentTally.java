package xiaoer.engine.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** When each agent last got work and how many today: the tie-breaks after load. Thread-safe. */
final class AgentTally {

    private record Tally(Instant lastAssignedAt, LocalDate day, int count) {
    }

    private final ConcurrentMap<String, Tally> tallies = new ConcurrentHashMap<>();
    private final ZoneId zone;

    AgentTally(ZoneId zone) {
        this.zone = zone;
    }

    void assigned(String agentId, Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        tallies.compute(agentId, (id, t) -> new Tally(at, day,
                t != null && t.day().equals(day) ? t.count() + 1 : 1));
    }

    Instant lastAssignedAt(String agentId) {
        Tally t = tallies.get(agentId);
        return t == null ? null : t.lastAssignedAt();
    }

    int assignedOn(String agentId, Instant now) {
        Tally t = tallies.get(agentId);
        return t != null && t.day().equals(now.atZone(zone).toLocalDate()) ? t.count() : 0;
    }
}
