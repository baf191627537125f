package xiaoer.engine.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Repairs what an assignment cut off half-way leaves on shared state (a node killed between its steps: reserve a
 * place at the agent, claim the conversation, take it off the queue, record the assignment; or release them): an
 * agent whose load differs from the conversations recorded as theirs, and a conversation claimed with no assignment
 * recorded, which nobody could ever be given again. A mismatch is repaired only when the routing pass sees it twice in a row, so an
 * assignment in flight (milliseconds) is never undone; the repair is logged.
 */
final class AssignmentAudit {

    private static final Logger log = LoggerFactory.getLogger(AssignmentAudit.class);

    private final AssignmentLedger ledger;
    private final AgentLoads loads;
    private final StateMap<Assignment> assignments;
    private final AgentDirectory directory;
    /** Conversations found claimed while waiting, or refused as owned: looked at on the next pass. */
    private final Set<String> suspects = ConcurrentHashMap.newKeySet();
    /** What the last pass saw: agent → load minus their recorded assignments; conversation → its unrecorded owner. */
    private Map<String, Integer> excessSeen = Map.of();
    private Map<String, String> unrecordedSeen = Map.of();

    AssignmentAudit(AssignmentLedger ledger, AgentLoads loads, StateMap<Assignment> assignments,
                    AgentDirectory directory) {
        this.ledger = ledger;
        this.loads = loads;
        this.assignments = assignments;
        this.directory = directory;
    }

    /** A claim on this conversation stood in the way of routing it: is there an assignment behind it? */
    void suspect(String conversationId) {
        suspects.add(conversationId);
    }

    /** One pass (the routing pass, once per cluster). Returns how many repairs it made. */
    synchronized int run() {
        Map<String, Assignment> held = assignments.all();
        int repaired = releaseUnrecordedClaims(held);
        return repaired + releaseExcessLoads(held);
    }

    private int releaseUnrecordedClaims(Map<String, Assignment> held) {
        Map<String, String> unrecorded = new HashMap<>();
        for (String id : Set.copyOf(suspects)) {
            suspects.remove(id);
            String owner = held.containsKey(id) ? null : ledger.owner(id).orElse(null);
            if (owner != null) unrecorded.put(id, owner);
        }
        int repaired = 0;
        for (Map.Entry<String, String> e : unrecorded.entrySet()) {
            String id = e.getKey();
            if (!e.getValue().equals(unrecordedSeen.get(id))) {
                suspects.add(id); // first sighting: look again next pass
                continue;
            }
            if (assignments.get(id).isEmpty() && ledger.release(id, e.getValue())) {
                log.warn("conversation {} was claimed by {} with no assignment recorded (an assignment cut off "
                        + "half-way): claim released, it can be routed again", id, e.getValue());
                repaired++;
            }
        }
        unrecordedSeen = unrecorded;
        return repaired;
    }

    private int releaseExcessLoads(Map<String, Assignment> held) {
        Map<String, Integer> recorded = new HashMap<>();
        for (Assignment a : held.values()) recorded.merge(a.agentId(), 1, Integer::sum);
        Map<String, Integer> off = new HashMap<>();
        int repaired = 0;
        for (AgentSeat seat : directory.seats()) {
            int diff = loads.load(seat.id()) - recorded.getOrDefault(seat.id(), 0);
            int before = excessSeen.getOrDefault(seat.id(), 0);
            // what has stayed off, the same way, since the last pass
            int fix = diff > 0 && before > 0 ? Math.min(diff, before) : diff < 0 && before < 0 ? Math.max(diff, before) : 0;
            for (int i = 0; i < fix; i++) loads.release(seat.id());
            for (int i = 0; i > fix; i--) loads.tryReserve(seat.id(), Integer.MAX_VALUE);
            if (fix != 0) {
                log.warn("agent {} was counted with {} conversation(s) {} than they hold (an assignment cut off "
                        + "half-way): load corrected", seat.id(), Math.abs(fix), fix > 0 ? "more" : "fewer");
                repaired++;
            }
            if (diff != fix) off.put(seat.id(), diff - fix);
        }
        excessSeen = off;
        return repaired;
    }
}
