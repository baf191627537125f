package xiaoer.app.shop;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.engine.shop.damage.DamageDecision;
import xiaoer.engine.shop.damage.DamageKind;
import xiaoer.engine.shop.damage.DamageReport;
import xiaoer.engine.shop.damage.DamageReportRepository;
import xiaoer.engine.shop.damage.SignOff;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static xiaoer.app.shop.JdbcTimes.instant;
import static xiaoer.app.shop.JdbcTimes.ts;

/**
 * Damage reports and their sign-offs in SQL. An update is compare-and-set on {@code version}; a sign-off row's key
 * (report, role) keeps one signature per role even when two people race.
 */
public final class JdbcDamageReportRepository implements DamageReportRepository {

    private static final String COLUMNS = "id, shop, conversation_id, visitor_id, order_no, kind, description, "
            + "attachment_ids, opened_by, opened_at, decision, decision_note, decided_by, decided_at, version";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcDamageReportRepository(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void insert(DamageReport r) {
        tx.executeWithoutResult(s -> {
            jdbc.update("insert into shop_damage_reports (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)",
                    r.id(), r.shop(), r.conversationId(), r.visitorId(), r.orderNo(), r.kind().name(), r.description(),
                    String.join(",", r.attachmentIds()), r.openedBy(), ts(r.openedAt()),
                    r.decision() == null ? null : r.decision().name(), r.decisionNote(), r.decidedBy(), ts(r.decidedAt()));
            insertSignOffs(r, List.of());
        });
    }

    @Override
    public Optional<DamageReport> find(String id) {
        return select("where id = ?", id).stream().findFirst();
    }

    @Override
    public boolean update(DamageReport r) {
        try {
            return Boolean.TRUE.equals(tx.execute(s -> {
                int n = jdbc.update("update shop_damage_reports set decision = ?, decision_note = ?, decided_by = ?, "
                                + "decided_at = ?, version = version + 1 where id = ? and version = ?",
                        r.decision() == null ? null : r.decision().name(), r.decisionNote(), r.decidedBy(),
                        ts(r.decidedAt()), r.id(), r.version());
                if (n == 0) return false;
                insertSignOffs(r, signOffs(r.id()));
                return true;
            }));
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public List<DamageReport> forVisitor(String shop, String visitorId) {
        return select("where shop = ? and visitor_id = ? order by opened_at desc, id", shop, visitorId);
    }

    private void insertSignOffs(DamageReport r, List<SignOff> stored) {
        for (SignOff s : r.signOffs()) {
            if (stored.stream().anyMatch(x -> x.role().equals(s.role()))) continue;
            jdbc.update("insert into shop_damage_sign_offs (report_id, role, signed_by, signed_at, note) values (?,?,?,?,?)",
                    r.id(), s.role(), s.by(), ts(s.at()), s.note());
        }
    }

    private List<SignOff> signOffs(String id) {
        return jdbc.query("select role, signed_by, signed_at, note from shop_damage_sign_offs where report_id = ? "
                + "order by signed_at, role", (rs, n) -> new SignOff(rs.getString("role"), rs.getString("signed_by"),
                instant(rs, "signed_at"), rs.getString("note")), id);
    }

    private List<DamageReport> select(String where, Object... args) {
        List<DamageReport> rows = jdbc.query("select " + COLUMNS + " from shop_damage_reports " + where, (rs, n) -> {
            String ids = rs.getString("attachment_ids");
            String decision = rs.getString("decision");
            return new DamageReport(rs.getString("id"), rs.getString("shop"), rs.getString("conversation_id"),
                    rs.getString("visitor_id"), rs.getString("order_no"), DamageKind.valueOf(rs.getString("kind")),
                    rs.getString("description"), ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(",")),
                    rs.getString("opened_by"), instant(rs, "opened_at"), List.of(),
                    decision == null ? null : DamageDecision.valueOf(decision), rs.getString("decision_note"),
                    rs.getString("decided_by"), instant(rs, "decided_at"), rs.getInt("version"));
        }, args);
        return rows.stream().map(r -> new DamageReport(r.id(), r.shop(), r.conversationId(), r.visitorId(), r.orderNo(),
                r.kind(), r.description(), r.attachmentIds(), r.openedBy(), r.openedAt(), signOffs(r.id()),
                r.decision(), r.decisionNote(), r.decidedBy(), r.decidedAt(), r.version())).toList();
    }
}
