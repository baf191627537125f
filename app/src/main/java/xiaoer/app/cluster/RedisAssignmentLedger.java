package xiaoer.app.cluster;

import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import xiaoer.engine.routing.AssignmentLedger;

import java.util.Optional;

/**
 * Who owns which conversation, shared by the nodes: a Redis hash conversation → agent. A claim is HSETNX; release and
 * transfer compare the owner and change it in one step (Redisson's conditional map scripts), so a conversation has
 * one owner however many nodes accept at once.
 */
final class RedisAssignmentLedger implements AssignmentLedger {

    private final RMap<String, String> owners;

    RedisAssignmentLedger(RedissonClient redisson, String key) {
        this.owners = redisson.getMap(key, StringCodec.INSTANCE);
    }

    @Override
    public boolean claim(String conversationId, String agentId) {
        return owners.fastPutIfAbsent(conversationId, agentId);
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
