package xiaoer.engine.chat;

import java.util.function.Supplier;

/**
 * Serializes the work that must not race for one visitor: opening their conversation. The embedded default locks
 * in this JVM; a cluster locks across nodes (the app's Redisson lock), so two nodes never open two conversations
 * for the same visitor at once.
 */
public interface VisitorLocks {

    /** Runs {@code work} while holding the visitor's lock. */
    <T> T withLock(String visitorKey, Supplier<T> work);

    /** Striped monitors in this JVM. */
    static VisitorLocks local() {
        return new VisitorLocks() {
            private static final int STRIPES = 256;
            private final Object[] stripes = new Object[STRIPES];

            {
                for (int i = 0; i < STRIPES; i++) stripes[i] = new Object();
            }

            @Override
            public <T> T withLock(String visitorKey, Supplier<T> work) {
                synchronized (stripes[Math.floorMod(visitorKey.hashCode(), STRIPES)]) {
                    return work.get();
                }
            }
        };
    }
}
