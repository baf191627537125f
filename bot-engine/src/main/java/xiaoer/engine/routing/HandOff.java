package xiaoer.engine.routing;

import java.util.Optional;

/**
 * Where a conversation handed to people stands: assigned at once, or waiting at a place in the queue.
 *
 * @param entry      what was queued
 * @param assignment the agent who got it at once, if any
 * @param position   the shopper's place in the queue (1 = next); 0 when assigned
 */
public record HandOff(QueueEntry entry, Optional<Assignment> assignment, int position) {

    public boolean assigned() {
        return assignment.isPresent();
    }
}
