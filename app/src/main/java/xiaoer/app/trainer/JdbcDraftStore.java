package xiaoer.app.trainer;

import static xiaoer.app.trainer.Times.instant;
import static xiaoer.app.trainer.Times.ts;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import xiaoer.engine.training.DraftScript;
import xiaoer.engine.training.DraftState;
import xiaoer.engine.training.DraftStore;
import xiaoer.engine.training.ScriptDiff;
import xiaoer.engine.training.TrainingException;
import xiaoer.kb.Script;

/**
 * The draft in {@code trainer_draft_scripts}; the revision in {@code trainer_draft_state}. Callers group calls in a
 * transaction; the revision row's update lock also orders concurrent changes.
 */
public final class JdbcDraftStore implements DraftStore {

    private static final String COLUMNS = "script_id, body, version, updated_at, updated_by";

    private final JdbcTemplate jdbc;

    public JdbcDraftStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private final RowMapper<DraftScript> mapper = (rs, i) -> new DraftScript(
            ScriptLines.readOne(rs.getString("body"), "draft script " + rs.getString("script_id")),
            rs.getLong("version"), instant(rs, "updated_at"), rs.getString("updated_by"));

    @Override
    public List<DraftScript> all() {
        return jdbc.query("select " + COLUMNS + " from trainer_draft_scripts order by script_id", mapper);
    }

    @Override
    public Optional<DraftScript> find(String id) {
        return jdbc.query("select " + COLUMNS + " from trainer_draft_scripts where script_id = ?", mapper, id)
                .stream().findFirst();
    }

    @Override
    public DraftScript put(Script script, Long expectedVersion, String actor, Instant at) {
        String body = ScriptLines.write(List.of(script)).strip();
        long version;
        if (expectedVersion == null) {
            try {
                jdbc.update("insert into trainer_draft_scripts (" + COLUMNS + ") values (?,?,?,?,?)",
                        script.id(), body, 1L, ts(at), actor);
            } catch (DuplicateKeyException e) {
                throw TrainingException.conflict("script '" + script.id() + "' already exists");
            }
            version = 1;
        } else {
            int n = jdbc.update("update trainer_draft_scripts set body = ?, version = version + 1, updated_at = ?, "
                    + "updated_by = ? where script_id = ? and version = ?", body, ts(at), actor, script.id(), expectedVersion);
            if (n != 1) throw TrainingException.conflict("script '" + script.id() + "' was changed by someone else; reload it");
            version = expectedVersion + 1;
        }
        bump();
        return new DraftScript(script, version, at, actor);
    }

    @Override
    public boolean remove(String id, String actor, Instant at) {
        boolean removed = jdbc.update("delete from trainer_draft_scripts where script_id = ?", id) == 1;
        if (removed) bump();
        return removed;
    }

    @Override
    public void replaceAll(List<Script> scripts, String actor, Instant at) {
        Map<String, DraftScript> current = new HashMap<>();
        for (DraftScript d : all()) current.put(d.id(), d);
        Set<String> keep = new HashSet<>();
        for (Script s : scripts) {
            keep.add(s.id());
            DraftScript was = current.get(s.id());
            if (was == null) {
                jdbc.update("insert into trainer_draft_scripts (" + COLUMNS + ") values (?,?,?,?,?)",
                        s.id(), ScriptLines.write(List.of(s)).strip(), 1L, ts(at), actor);
            } else if (ScriptDiff.change(was.script(), s) != null) {
                jdbc.update("update trainer_draft_scripts set body = ?, version = version + 1, updated_at = ?, "
                        + "updated_by = ? where script_id = ?", ScriptLines.write(List.of(s)).strip(), ts(at), actor, s.id());
            }
        }
        for (String id : current.keySet()) {
            if (!keep.contains(id)) jdbc.update("delete from trainer_draft_scripts where script_id = ?", id);
        }
        bump();
    }

    @Override
    public DraftState state() {
        return jdbc.queryForObject("select revision, approved_revision, approved_by, approved_at from trainer_draft_state "
                + "where id = 1", (rs, i) -> {
            long approved = rs.getLong("approved_revision");
            return new DraftState(rs.getLong("revision"), rs.wasNull() ? null : approved, rs.getString("approved_by"),
                    instant(rs, "approved_at"));
        });
    }

    @Override
    public void approve(long revision, String actor, Instant at) {
        int n = jdbc.update("update trainer_draft_state set approved_revision = ?, approved_by = ?, approved_at = ? "
                + "where id = 1 and revision = ?", revision, actor, ts(at), revision);
        if (n != 1) throw TrainingException.conflict("the draft changed; review it again");
    }

    private void bump() {
        jdbc.update("update trainer_draft_state set revision = revision + 1 where id = 1");
    }
}
