package xiaoer.app.shop;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.engine.shop.returns.ReturnKind;
import xiaoer.engine.shop.returns.ReturnRepository;
import xiaoer.engine.shop.returns.ReturnRequest;
import xiaoer.engine.shop.returns.ReturnState;
import xiaoer.engine.shop.returns.ReturnStep;

import java.util.List;
import java.util.Optional;

import static xiaoer.app.shop.JdbcTimes.instant;
import static xiaoer.app.shop.JdbcTimes.ts;

/** Returns and their steps in SQL; a move is compare-and-set on {@code version}, so only one of two racing agents wins. */
public final class JdbcReturnRepository implements ReturnRepository {

    private static final String COLUMNS = "id, shop, order_no, kind, reason, needs_person, person_reason, state, version";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcReturnRepository(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void insert(ReturnRequest r) {
        tx.executeWithoutResult(s -> {
            jdbc.update("insert into shop_returns (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,0)", r.id(), r.shop(),
                    r.orderNo(), r.kind().name(), r.reason(), r.needsPerson(), r.personReason(), r.state().name());
            insertSteps(r, 0);
        });
    }

    @Override
    public Optional<ReturnRequest> find(String id) {
        return select("where id = ?", id).stream().findFirst();
    }

    @Override
    public List<ReturnRequest> forOrder(String shop, String orderNo) {
        return select("where shop = ? and order_no = ?", shop, orderNo).stream()
                .sorted(java.util.Comparator.comparing(ReturnRequest::requestedAt)).toList();
    }

    @Override
    public boolean update(ReturnRequest r) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            int n = jdbc.update("update shop_returns set state = ?, version = version + 1 where id = ? and version = ?",
                    r.state().name(), r.id(), r.version());
            if (n == 0) return false;
            Integer stored = jdbc.queryForObject("select count(*) from shop_return_steps where return_id = ?",
                    Integer.class, r.id());
            insertSteps(r, stored == null ? 0 : stored);
            return true;
        }));
    }

    private void insertSteps(ReturnRequest r, int from) {
        for (int i = from; i < r.steps().size(); i++) {
            ReturnStep s = r.steps().get(i);
            jdbc.update("insert into shop_return_steps (return_id, idx, state, actor, at, note) values (?,?,?,?,?,?)",
                    r.id(), i, s.state().name(), s.actor(), ts(s.at()), s.note());
        }
    }

    private List<ReturnRequest> select(String where, Object... args) {
        List<Row> rows = jdbc.query("select " + COLUMNS + " from shop_returns " + where, (rs, n) -> new Row(
                rs.getString("id"), rs.getString("shop"), rs.getString("order_no"),
                ReturnKind.valueOf(rs.getString("kind")), rs.getString("reason"), rs.getBoolean("needs_person"),
                rs.getString("person_reason"), rs.getInt("version")), args);
        return rows.stream().map(r -> new ReturnRequest(r.id, r.shop, r.orderNo, r.kind, r.reason, r.needsPerson,
                r.personReason, steps(r.id), r.version)).toList();
    }

    private List<ReturnStep> steps(String id) {
        return jdbc.query("select state, actor, at, note from shop_return_steps where return_id = ? order by idx",
                (rs, n) -> new ReturnStep(ReturnState.valueOf(rs.getString("state")), rs.getString("actor"),
                        instant(rs, "at"), rs.getString("note")), id);
    }

    private record Row(String id, String shop, String orderNo, ReturnKind kind, String reason, boolean needsPerson,
                       String personReason, int version) {
    }
}
