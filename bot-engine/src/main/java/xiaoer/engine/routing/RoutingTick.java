package xiaoer.engine.routing;

import java.util.List;

/**
 * What one periodic pass of the router found.
 *
 * @param assigned     conversations given to agents in this pass (capacity freed up, an agent came online)
 * @param timedOut     shoppers to offer to leave a message (new in this pass)
 * @param newlySilent  conversations newly flagged for the lead because their agent stayed silent
 */
public record RoutingTick(List<Assignment> assigned, List<QueueTimeout> timedOut, List<SilentAgent> newlySilent) {
}
