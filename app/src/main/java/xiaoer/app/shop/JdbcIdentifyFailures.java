package xiaoer.app.shop;

import org.springframework.jdbc.core.JdbcTemplate;
import xiaoer.engine.shop.identity.IdentifyFailures;

import java.time.Duration;
import java.time.Instant;

import static xiaoer.app.shop.JdbcTimes.ts;

/** Wrong identification guesses in SQL (shared by all nodes); rows older than a day are pruned as new ones come. */
public final class JdbcIdentifyFailures implements IdentifyFailures {

    private static final Duration KEEP = Duration.ofDays(1);

    private final JdbcTemplate jdbc;

    public JdbcIdentifyFailures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(String shop, String visitorId, String orderNo, Instant at) {
        jdbc.update("insert into shop_identify_failures (shop, visitor_id, order_no, at) values (?,?,?,?)",
                shop, visitorId, orderNo, ts(at));
        jdbc.update("delete from shop_identify_failures where at < ?", ts(at.minus(KEEP)));
    }

    @Override
    public int countForVisitor(String shop, String visitorId, Instant since) {
        return count("select count(*) from shop_identify_failures where shop = ? and visitor_id = ? and at > ?",
                shop, visitorId, since);
    }

    @Override
    public int countForOrder(String shop, String orderNo, Instant since) {
        return count("select count(*) from shop_identify_failures where shop = ? and order_no = ? and at > ?",
                shop, orderNo, since);
    }

    private int count(String sql, String shop, String key, Instant since) {
        Integer n = jdbc.queryForObject(sql, Integer.class, shop, key, ts(since));
        return n == null ? 0 : n;
    }
}
