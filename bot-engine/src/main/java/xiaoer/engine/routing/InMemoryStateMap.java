package xiaoer.engine.routing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The state map for tests and the embedded default: a {@link ConcurrentHashMap}, whose steps are atomic. */
public final class InMemoryStateMap<V> implements StateMap<V> {

    private final ConcurrentMap<String, V> map = new ConcurrentHashMap<>();

    @Override
    public Optional<V> get(String key) {
        return Optional.ofNullable(map.get(key));
    }

    @Override
    public boolean putIfAbsent(String key, V value) {
        return map.putIfAbsent(key, value) == null;
    }

    @Override
    public void put(String key, V value) {
        map.put(key, value);
    }

    @Override
    public boolean replace(String key, V expected, V updated) {
        return map.replace(key, expected, updated);
    }

    @Override
    public boolean remove(String key, V expected) {
        return map.remove(key, expected);
    }

    @Override
    public void remove(String key) {
        map.remove(key);
    }

    @Override
    public Map<String, V> all() {
        return Map.copyOf(map);
    }
}
