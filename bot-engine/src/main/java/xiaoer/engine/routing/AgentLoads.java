package xiaoer.engine.routing;

/**
 * Port: how many conversations each agent holds. The check against capacity and the increment are one atomic step,
 * so concurrent accepts can never push an agent past capacity.
 */
public interface AgentLoads {

    /** Adds one to the agent's load if it is below {@code capacity}; false (and no change) otherwise. */
    boolean tryReserve(String agentId, int capacity);

    /** Takes one off the agent's load (never below zero). */
    void release(String agentId);

    int load(String agentId);
}
