package xiaoer.engine.routing;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An agent as the seat board knows them now.
 *
 * @param id          the agent's id
 * @param name        the name shoppers see
 * @param role        lead or ordinary seat
 * @param status      online, busy, away or offline
 * @param skills      the groups this agent serves
 * @param capacity    how many conversations at once (default 10)
 * @param statusSince when the status last changed (away breaks are timed from here)
 */
public record AgentSeat(String id, String name, SeatRole role, AgentStatus status, Set<SkillGroup> skills,
                        int capacity, Instant statusSince) {

    public static final int DEFAULT_CAPACITY = 10;

    public AgentSeat {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        if (name == null || name.isBlank()) name = id;
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        skills = skills == null || skills.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(skills));
    }

    public boolean serves(SkillGroup group) {
        return skills.contains(group);
    }

    AgentSeat withStatus(AgentStatus to, Instant at) {
        return new AgentSeat(id, name, role, to, skills, capacity, at);
    }
}
