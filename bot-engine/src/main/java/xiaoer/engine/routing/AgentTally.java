package xiaoer.engine.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * When each agent last got work and how many today: the tie-breaks after load. Kept in a {@link StateMap} so every
 * node breaks ties the same way in cluster mode.
 */
final class AgentTally {

    private final StateMap<AssignmentTally> tallies;
    private final ZoneId zone;

    AgentTally(StateMap<AssignmentTally> tallies, ZoneId zone) {
        this.tallies = tallies;
        this.zone = zone;
    }

    void assigned(String agentId, Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        tallies.update(agentId, t -> new AssignmentTally(at, day,
                t != null && t.day().equals(day) ? t.count() + 1 : 1));
    }

    /** Every agent's tally at once: one read for a whole routing pass. */
    Map<String, AssignmentTally> all() {
        return tallies.all();
    }

    static Instant lastAssignedAt(AssignmentTally t) {
        return t == null ? null : t.lastAssignedAt();
    }

    int assignedOn(AssignmentTally t, Instant now) {
        return t != null && t.day().equals(now.atZone(zone).toLocalDate()) ? t.count() : 0;
    }
}
