package xiaoer.app.trainer;

import static xiaoer.app.trainer.Times.instant;
import static xiaoer.app.trainer.Times.ts;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import xiaoer.engine.training.AuditEntry;
import xiaoer.engine.training.AuditLog;

/** The trainer workspace's audit log in {@code trainer_audit}; rows are only ever inserted. */
public final class JdbcAuditLog implements AuditLog {

    private static final int MAX_DETAIL = 4000;

    private final JdbcTemplate jdbc;

    public JdbcAuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private final RowMapper<AuditEntry> mapper = (rs, i) -> new AuditEntry(rs.getLong("id"), instant(rs, "at"),
            rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("detail"));

    @Override
    public void record(String actor, String action, String target, String detail, Instant at) {
        jdbc.update("insert into trainer_audit (at, actor, action, target, detail) values (?,?,?,?,?)",
                ts(at), actor, action, cut(target, 200), cut(detail, MAX_DETAIL));
    }

    @Override
    public List<AuditEntry> recent(int limit, String target) {
        String columns = "select id, at, actor, action, target, detail from trainer_audit ";
        return target == null
                ? jdbc.query(columns + "order by id desc limit ?", mapper, limit)
                : jdbc.query(columns + "where target = ? order by id desc limit ?", mapper, target, limit);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
