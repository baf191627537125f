package xiaoer.kb.semantic;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small synchronized LRU map: recent identical questions skip the embedding model. */
public final class LruCache<K, V> {

    private final Map<K, V> map;

    public LruCache(int capacity) {
        this.map = new LinkedHashMap<>(Math.max(16, capacity * 4 / 3 + 1), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized V get(K key) {
        return map.get(key);
    }

    public synchronized void put(K key, V value) {
        map.put(key, value);
    }

    public synchronized int size() {
        return map.size();
    }
}
