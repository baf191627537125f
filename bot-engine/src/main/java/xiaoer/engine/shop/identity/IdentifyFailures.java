package xiaoer.engine.shop.identity;

import java.time.Instant;

/** Wrong order-number/phone-tail guesses, counted across app nodes for the rate limit. */
public interface IdentifyFailures {

    void record(String shop, String visitorId, String orderNo, Instant at);

    int countForVisitor(String shop, String visitorId, Instant since);

    int countForOrder(String shop, String orderNo, Instant since);
}
