package xiaoer.engine.shop;

import java.time.Instant;
import java.util.Optional;

/** Storage of the integration API keys, by hash (see {@link ShopApiKey}). */
public interface ShopApiKeys {

    /** The shop a key hash belongs to, when the key exists and is not revoked. */
    Optional<String> shopForHash(String keyHash);

    void add(String shop, String keyHash, String label, Instant at);

    boolean isEmpty();
}
