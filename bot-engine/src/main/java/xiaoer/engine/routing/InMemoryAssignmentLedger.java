package xiaoer.engine.routing;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The ledger for tests and the embedded single-node default; each call is one atomic map operation. */
public final class InMemoryAssignmentLedger implements AssignmentLedger {

    private final ConcurrentMap<String, String> owners = new ConcurrentHashMap<>();

    @Override
    public boolean claim(String conversationId, String agentId) {
        return owners.putIfAbsent(conversationId, agentId) == null;
    }

    @Override
    public boolean release(String conversationId, String agentId) {
        return owners.remove(conversationId, agentId);
    }

    @Override
    public boolean transfer(String conversationId, String fromAgentId, String toAgentId) {
        return owners.replace(conversationId, fromAgentId, toAgentId);
    }

    @Override
    public Optional<String> owner(String conversationId) {
        return Optional.ofNullable(owners.get(conversationId));
    }
}
