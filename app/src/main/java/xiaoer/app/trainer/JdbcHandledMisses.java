package xiaoer.app.trainer;

import static xiaoer.app.trainer.Times.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import xiaoer.engine.training.HandledMisses;

/** The learning loop's handled misses in {@code trainer_handled_misses}. */
public final class JdbcHandledMisses implements HandledMisses {

    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;

    public JdbcHandledMisses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> handled(Collection<String> keys) {
        Set<String> out = new HashSet<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            out.addAll(jdbc.queryForList("select miss_key from trainer_handled_misses where miss_key in (" + marks + ")",
                    String.class, chunk.toArray()));
        }
        return out;
    }

    @Override
    public void mark(String key, String actor, String action, Instant at) {
        jdbc.update("insert into trainer_handled_misses (miss_key, handled_at, handled_by, action) values (?,?,?,?) "
                + "on conflict do nothing", key, ts(at), actor, action);
    }
}
