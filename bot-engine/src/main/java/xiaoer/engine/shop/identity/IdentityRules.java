package xiaoer.engine.shop.identity;

import java.time.Duration;

/**
 * Limits of the order-number-plus-phone-tail check.
 *
 * @param maxFailuresPerVisitor wrong guesses one visitor may make per window (default 5)
 * @param maxFailuresPerOrder   wrong guesses on one order number per window, whoever makes them (default 10): the
 *                              visitor id is client-chosen, so this is what really stops guessing 10 000 tails
 * @param failureWindow         the sliding window of both limits (default 1 hour)
 * @param grantValidity         how long a successful identification lets the visitor see the order (default 24 h)
 */
public record IdentityRules(int maxFailuresPerVisitor, int maxFailuresPerOrder, Duration failureWindow,
                            Duration grantValidity) {

    public static IdentityRules defaults() {
        return new IdentityRules(5, 10, Duration.ofHours(1), Duration.ofHours(24));
    }
}
