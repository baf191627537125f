package xiaoer.engine.training;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** Storage port: which misses a trainer already dealt with (added as a phrasing, made a script, dismissed). */
public interface HandledMisses {

    /** The subset of {@code keys} that was handled. */
    Set<String> handled(Collection<String> keys);

    /** Marks a miss handled; marking it again changes nothing. */
    void mark(String key, String actor, String action, Instant at);
}
