package xiaoer.engine.routing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One agent's tally for the tie-breaks after load (see {@link RoutingPolicy}).
 *
 * @param lastAssignedAt when they last got a conversation
 * @param day            the shop's day {@code count} is for
 * @param count          conversations given to them that day
 */
public record AssignmentTally(Instant lastAssignedAt, LocalDate day, int count) {
}
