package xiaoer.app.shop;

import org.springframework.jdbc.core.JdbcTemplate;
import xiaoer.engine.shop.ShopApiKeys;

import java.time.Instant;
import java.util.Optional;

import static xiaoer.app.shop.JdbcTimes.ts;

/** API keys by SHA-256 hash; the raw key is never stored. */
public final class JdbcShopApiKeys implements ShopApiKeys {

    private final JdbcTemplate jdbc;

    public JdbcShopApiKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> shopForHash(String keyHash) {
        return jdbc.queryForList("select shop from shop_api_keys where key_hash = ? and revoked = false",
                String.class, keyHash).stream().findFirst();
    }

    @Override
    public void add(String shop, String keyHash, String label, Instant at) {
        jdbc.update("insert into shop_api_keys (key_hash, shop, label, created_at, revoked) values (?,?,?,?,false)",
                keyHash, shop, label, ts(at));
    }

    @Override
    public boolean isEmpty() {
        return jdbc.queryForList("select shop from shop_api_keys limit 1", String.class).isEmpty();
    }
}
