package xiaoer.engine.routing;

import java.time.Instant;
import java.util.Optional;

/**
 * A conversation passed on with a note: to a named agent, or back to a group's queue.
 *
 * @param conversationId the conversation
 * @param fromAgentId    the agent who let it go
 * @param toAgentId      the named agent, or null for a group transfer
 * @param toGroup        the group it was sent to
 * @param note           what the next agent should know (show it to them as an internal note)
 * @param at             when
 * @param assignment     the new owner, if it got one at once
 * @param position       the place in the queue when it is waiting again; 0 when assigned
 */
public record Transfer(String conversationId, String fromAgentId, String toAgentId, SkillGroup toGroup, String note,
                       Instant at, Optional<Assignment> assignment, int position) {
}
