package xiaoer.app.trainer;

import static xiaoer.app.trainer.Times.instant;
import static xiaoer.app.trainer.Times.ts;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import xiaoer.engine.training.RegressionCase;
import xiaoer.engine.training.RegressionCaseStore;

/** Regression cases in {@code trainer_cases}. */
public final class JdbcRegressionCaseStore implements RegressionCaseStore {

    private static final String COLUMNS = "id, text, lang, expected_script_id, created_at, created_by";

    private final JdbcTemplate jdbc;

    public JdbcRegressionCaseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private final RowMapper<RegressionCase> mapper = (rs, i) -> new RegressionCase(rs.getLong("id"),
            rs.getString("text"), rs.getString("lang"), rs.getString("expected_script_id"), instant(rs, "created_at"),
            rs.getString("created_by"));

    @Override
    public List<RegressionCase> cases() {
        return jdbc.query("select " + COLUMNS + " from trainer_cases order by id", mapper);
    }

    @Override
    public Optional<RegressionCase> findCase(long id) {
        return jdbc.query("select " + COLUMNS + " from trainer_cases where id = ?", mapper, id).stream().findFirst();
    }

    @Override
    public RegressionCase addCase(String text, String lang, String expectedScriptId, String actor, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into trainer_cases (text, lang, expected_script_id, "
                    + "created_at, created_by) values (?,?,?,?,?)", new String[]{"id"});
            ps.setString(1, text);
            ps.setString(2, lang);
            ps.setString(3, expectedScriptId);
            ps.setObject(4, ts(at));
            ps.setString(5, actor);
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        return new RegressionCase(id, text, lang, expectedScriptId, at, actor);
    }

    @Override
    public boolean removeCase(long id) {
        return jdbc.update("delete from trainer_cases where id = ?", id) == 1;
    }

}
