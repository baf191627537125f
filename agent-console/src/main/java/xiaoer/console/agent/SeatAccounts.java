package xiaoer.console.agent;

import xiaoer.engine.routing.SkillGroup;

import java.util.Optional;
import java.util.Set;

/**
 * The groups an agent serves and their capacity, from their account (the app implements it on the users table).
 * Without such a bean every agent serves every group with the default capacity.
 */
@FunctionalInterface
public interface SeatAccounts {

    /** @param skills the groups routing sends this agent; @param capacity chats at once */
    record Seat(Set<SkillGroup> skills, int capacity) {
    }

    Optional<Seat> find(String username);
}
