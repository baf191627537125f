package xiaoer.app.shop;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.engine.shop.identity.IdentityGrants;

import java.time.Instant;
import java.util.List;

import static xiaoer.app.shop.JdbcTimes.ts;

/** Identification grants in SQL, so every app node sees them. */
public final class JdbcIdentityGrants implements IdentityGrants {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcIdentityGrants(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void grant(String shop, String visitorId, String orderNo, Instant until) {
        tx.executeWithoutResult(s -> {
            jdbc.update("insert into shop_identity_grants (shop, visitor_id, order_no, expires_at) values (?,?,?,?) "
                    + "on conflict do nothing", shop, visitorId, orderNo, ts(until));
            jdbc.update("update shop_identity_grants set expires_at = ? where shop = ? and visitor_id = ? "
                    + "and order_no = ? and expires_at < ?", ts(until), shop, visitorId, orderNo, ts(until));
        });
    }

    @Override
    public boolean has(String shop, String visitorId, String orderNo, Instant now) {
        return !jdbc.queryForList("select order_no from shop_identity_grants where shop = ? and visitor_id = ? "
                + "and order_no = ? and expires_at > ?", String.class, shop, visitorId, orderNo, ts(now)).isEmpty();
    }

    @Override
    public List<String> orders(String shop, String visitorId, Instant now) {
        return jdbc.queryForList("select order_no from shop_identity_grants where shop = ? and visitor_id = ? "
                + "and expires_at > ? order by order_no", String.class, shop, visitorId, ts(now));
    }
}
