package xiaoer.engine.routing;

import java.util.Optional;

/**
 * Port: who owns which conversation. Every method is one atomic step, so that a conversation is never assigned twice
 * however many agents and nodes accept at once (a database row with a unique key, or Redis SETNX, in production).
 */
public interface AssignmentLedger {

    /** Makes {@code agentId} the owner; false when the conversation already has one. */
    boolean claim(String conversationId, String agentId);

    /** Ends {@code agentId}'s ownership; false when they were not the owner. */
    boolean release(String conversationId, String agentId);

    /** Moves ownership from one agent to another; false when {@code fromAgentId} is not the owner. */
    boolean transfer(String conversationId, String fromAgentId, String toAgentId);

    Optional<String> owner(String conversationId);
}
