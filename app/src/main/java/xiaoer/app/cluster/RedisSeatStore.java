package xiaoer.app.cluster;

import org.redisson.api.RMap;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import xiaoer.engine.routing.SeatRoster;
import xiaoer.engine.routing.SeatStore;

import java.util.List;

/**
 * The seat roster shared by the nodes: one Redis hash with the roster's JSON and its version. A change is a Lua
 * compare-and-set on the version, so the seat board's rules over several seats hold across nodes.
 */
final class RedisSeatStore implements SeatStore {

    private static final String REPLACE = """
            if (redis.call('hget', KEYS[1], 'version') or '0') == ARGV[1] then
              redis.call('hset', KEYS[1], 'version', ARGV[2], 'roster', ARGV[3])
              return 1
            end
            return 0""";

    private final RMap<String, String> hash;
    private final RScript script;
    private final List<Object> keys;
    private final RoutingJson<SeatRoster> json = new RoutingJson<>(SeatRoster.class);

    RedisSeatStore(RedissonClient redisson, String key) {
        this.hash = redisson.getMap(key, StringCodec.INSTANCE);
        this.script = redisson.getScript(StringCodec.INSTANCE);
        this.keys = List.of(key);
    }

    @Override
    public SeatRoster load() {
        SeatRoster roster = json.read(hash.get("roster"));
        return roster == null ? SeatRoster.EMPTY : roster;
    }

    @Override
    public boolean replace(SeatRoster expected, SeatRoster updated) {
        Long done = script.eval(RScript.Mode.READ_WRITE, REPLACE, RScript.ReturnType.INTEGER, keys,
                String.valueOf(expected.version()), String.valueOf(updated.version()), json.write(updated));
        return done != null && done == 1;
    }
}
