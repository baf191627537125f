package xiaoer.engine.shop.identity;

import java.time.Instant;
import java.util.List;

/** Orders an anonymous visitor has proved are theirs, until a time (shared by all app nodes). */
public interface IdentityGrants {

    /** Records or extends the grant. */
    void grant(String shop, String visitorId, String orderNo, Instant until);

    boolean has(String shop, String visitorId, String orderNo, Instant now);

    /** Order numbers granted to the visitor and still valid at {@code now}. */
    List<String> orders(String shop, String visitorId, Instant now);
}
