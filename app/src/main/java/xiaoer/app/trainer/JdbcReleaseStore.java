package xiaoer.app.trainer;

import static xiaoer.app.trainer.Times.instant;
import static xiaoer.app.trainer.Times.ts;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import xiaoer.engine.training.Release;
import xiaoer.engine.training.ReleaseStore;
import xiaoer.engine.training.ReleaseSummary;
import xiaoer.engine.training.TrainingException;

/** Releases in {@code trainer_releases}, each with the whole base as JSONL. Rows are only ever inserted. */
public final class JdbcReleaseStore implements ReleaseStore {

    private static final String SUMMARY = "number, note, created_at, created_by, approved_by, restored_from, script_count";

    private final JdbcTemplate jdbc;

    public JdbcReleaseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Integer nullableInt(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private final RowMapper<Release> full = (rs, i) -> new Release(rs.getInt("number"), rs.getString("note"),
            instant(rs, "created_at"), rs.getString("created_by"), rs.getString("approved_by"),
            nullableInt(rs, "restored_from"), ScriptLines.read(rs.getString("scripts"), "release " + rs.getInt("number")));

    private final RowMapper<ReleaseSummary> summary = (rs, i) -> new ReleaseSummary(rs.getInt("number"),
            rs.getString("note"), instant(rs, "created_at"), rs.getString("created_by"), rs.getString("approved_by"),
            nullableInt(rs, "restored_from"), rs.getInt("script_count"));

    @Override
    public Optional<Release> latest() {
        return jdbc.query("select " + SUMMARY + ", scripts from trainer_releases where number = "
                + "(select max(number) from trainer_releases)", full).stream().findFirst();
    }

    @Override
    public Optional<Release> release(int number) {
        return jdbc.query("select " + SUMMARY + ", scripts from trainer_releases where number = ?", full, number)
                .stream().findFirst();
    }

    @Override
    public List<ReleaseSummary> releases() {
        return jdbc.query("select " + SUMMARY + " from trainer_releases order by number desc", summary);
    }

    @Override
    public void addRelease(Release r) {
        try {
            jdbc.update("insert into trainer_releases (" + SUMMARY + ", scripts) values (?,?,?,?,?,?,?,?)",
                    r.number(), r.note(), ts(r.createdAt()), r.createdBy(), r.approvedBy(), r.restoredFrom(),
                    r.scripts().size(), ScriptLines.write(r.scripts()));
        } catch (DuplicateKeyException e) {
            throw TrainingException.conflict("release " + r.number() + " was just published by someone else; try again");
        }
    }
}
