package xiaoer.app.cluster;

import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import xiaoer.engine.routing.StateMap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A routing {@link StateMap} in one Redis hash, values as JSON. Redisson runs each conditional step (put-if-absent,
 * replace and remove of an expected value) as one script in Redis, so it is atomic across nodes.
 */
final class RedisStateMap<V> implements StateMap<V> {

    private final RMap<String, String> map;
    private final RoutingJson<V> json;

    RedisStateMap(RedissonClient redisson, String key, Class<V> type) {
        this.map = redisson.getMap(key, StringCodec.INSTANCE);
        this.json = new RoutingJson<>(type);
    }

    @Override
    public Optional<V> get(String key) {
        return Optional.ofNullable(json.read(map.get(key)));
    }

    @Override
    public boolean putIfAbsent(String key, V value) {
        return map.fastPutIfAbsent(key, json.write(value));
    }

    @Override
    public void put(String key, V value) {
        map.fastPut(key, json.write(value));
    }

    @Override
    public boolean replace(String key, V expected, V updated) {
        return map.replace(key, json.write(expected), json.write(updated));
    }

    @Override
    public boolean remove(String key, V expected) {
        return map.remove(key, json.write(expected));
    }

    @Override
    public void remove(String key) {
        map.fastRemove(key);
    }

    @Override
    public Map<String, V> all() {
        Map<String, V> all = new LinkedHashMap<>();
        map.readAllMap().forEach((k, v) -> all.put(k, json.read(v)));
        return all;
    }
}
