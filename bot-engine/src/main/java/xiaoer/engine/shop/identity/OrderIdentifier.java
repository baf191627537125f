package xiaoer.engine.shop.identity;

import xiaoer.engine.chat.Visitor;
import xiaoer.engine.shop.orders.Order;
import xiaoer.engine.shop.orders.OrderRepository;
import xiaoer.engine.shop.orders.OrderValidator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks "order number + phone's last four digits" for a visitor and grants access on a match. Wrong guesses are
 * counted per visitor and per order number; over either limit nothing is checked at all. An unknown order and a
 * wrong tail give the same answer. (Two guesses racing at the limit may both be checked: the limit is soft by one
 * or two, which does not change the odds of guessing 4 digits.)
 */
public final class OrderIdentifier {

    private static final Pattern TAIL = Pattern.compile("[0-9]{4}");

    private final OrderRepository orders;
    private final IdentityGrants grants;
    private final IdentifyFailures failures;
    private final IdentityRules rules;

    public OrderIdentifier(OrderRepository orders, IdentityGrants grants, IdentifyFailures failures,
                           IdentityRules rules) {
        this.orders = orders;
        this.grants = grants;
        this.failures = failures;
        this.rules = rules;
    }

    /** @return the outcome, and when identified the order (the caller adds its shipments) */
    public Result identify(Visitor visitor, String orderNo, String phoneTail, Instant now) {
        String no = orderNo == null ? "" : orderNo.strip();
        String tail = phoneTail == null ? "" : phoneTail.strip();
        if (!OrderValidator.ORDER_NO.matcher(no).matches() || !TAIL.matcher(tail).matches()) {
            return new Result(Identification.Outcome.MALFORMED, null, null);
        }
        Instant since = now.minus(rules.failureWindow());
        if (failures.countForVisitor(visitor.shop(), visitor.visitorId(), since) >= rules.maxFailuresPerVisitor()
                || failures.countForOrder(visitor.shop(), no, since) >= rules.maxFailuresPerOrder()) {
            // an upper bound: the oldest failure in the window may expire sooner
            return new Result(Identification.Outcome.RATE_LIMITED, null, now.plus(rules.failureWindow()));
        }
        Optional<Order> order = orders.find(visitor.shop(), no);
        if (order.isPresent() && sameDigits(order.get().phoneTail(), tail)) {
            grants.grant(visitor.shop(), visitor.visitorId(), no, now.plus(rules.grantValidity()));
            return new Result(Identification.Outcome.IDENTIFIED, order.get(), null);
        }
        failures.record(visitor.shop(), visitor.visitorId(), no, now);
        return new Result(Identification.Outcome.NO_MATCH, null, null);
    }

    private static boolean sameDigits(String expected, String given) {
        // constant time, so response timing does not leak how many digits were right
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    /** The outcome with the matched order (only when identified) and the retry time (only when rate limited). */
    public record Result(Identification.Outcome outcome, Order order, Instant retryAfter) {
    }
}
