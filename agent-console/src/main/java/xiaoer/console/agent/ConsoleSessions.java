package xiaoer.console.agent;

import java.time.Instant;
import java.util.Set;

/**
 * Which agents have a live console (STOMP) session, and since when an agent has had none. The seat roster alone cannot
 * tell: a closed browser or a dead node never says "offline", so the routing pass asks this for agents who have been
 * gone longer than a grace period (a page reload or a fail-over reconnects well within it). In memory on one node;
 * shared between the nodes in cluster mode, where an agent may reconnect to another node.
 */
public interface ConsoleSessions {

    /** A console session of this agent opened on this node. */
    void opened(String agentId, String sessionId);

    /** A console session on this node closed (again, or never seen: ignored). */
    void closed(String sessionId);

    /**
     * Agents who had a console session and have had none since before {@code cutoff}. Agents never seen with a
     * console (a seat set through the API only) are not listed: nothing here says they left.
     */
    Set<String> goneBefore(Instant cutoff);

    /** Stops listing an agent (their seat went offline) until their next session closes. */
    void forget(String agentId);
}
