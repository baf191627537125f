package xiaoer.engine.routing;

import java.time.Instant;

/**
 * What the routing decision looks at for one agent: the seat, the live load and how recently they got work.
 *
 * @param seat            status, skills and capacity
 * @param load            conversations the agent holds now
 * @param lastAssignedAt  when they last got a conversation, or null if never: the longest idle goes first on a tie
 * @param assignedToday   conversations given to them today: fewer goes first on a further tie
 */
public record AgentState(AgentSeat seat, int load, Instant lastAssignedAt, int assignedToday) {

    public String id() {
        return seat.id();
    }

    /** ONLINE and below capacity: routing may give them something. */
    public boolean hasRoom() {
        return seat.status() == AgentStatus.ONLINE && load < seat.capacity();
    }

    /** ONLINE, serves the group, below capacity and not the agent the conversation must avoid. */
    public boolean canTake(QueueEntry entry) {
        return seat.status() == AgentStatus.ONLINE && seat.serves(entry.skill()) && load < seat.capacity()
                && !seat.id().equals(entry.avoidAgentId());
    }
}
