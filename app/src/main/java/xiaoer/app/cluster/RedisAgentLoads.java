package xiaoer.app.cluster;

import org.redisson.api.RMap;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import xiaoer.engine.routing.AgentLoads;

import java.util.List;

/**
 * Agents' loads shared by the nodes: a Redis hash agent → count. The capacity check and the increment are one Lua
 * script, so agents on different nodes accepting at once never push an agent past capacity.
 */
final class RedisAgentLoads implements AgentLoads {

    private static final String RESERVE = """
            local n = tonumber(redis.call('hget', KEYS[1], ARGV[1]) or '0')
            if n >= tonumber(ARGV[2]) then return 0 end
            redis.call('hincrby', KEYS[1], ARGV[1], 1)
            return 1""";
    private static final String RELEASE = """
            local n = tonumber(redis.call('hget', KEYS[1], ARGV[1]) or '0')
            if n > 0 then redis.call('hincrby', KEYS[1], ARGV[1], -1) end
            return 1""";

    private final RMap<String, String> loads;
    private final RScript script;
    private final List<Object> keys;

    RedisAgentLoads(RedissonClient redisson, String key) {
        this.loads = redisson.getMap(key, StringCodec.INSTANCE);
        this.script = redisson.getScript(StringCodec.INSTANCE);
        this.keys = List.of(key);
    }

    @Override
    public boolean tryReserve(String agentId, int capacity) {
        Long reserved = script.eval(RScript.Mode.READ_WRITE, RESERVE, RScript.ReturnType.INTEGER, keys, agentId,
                String.valueOf(capacity));
        return reserved != null && reserved == 1;
    }

    @Override
    public void release(String agentId) {
        script.eval(RScript.Mode.READ_WRITE, RELEASE, RScript.ReturnType.INTEGER, keys, agentId);
    }

    @Override
    public int load(String agentId) {
        String n = loads.get(agentId);
        return n == null ? 0 : Integer.parseInt(n);
    }
}
