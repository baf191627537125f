package xiaoer.engine.shop.identity;

import xiaoer.engine.shop.orders.OrderView;

import java.time.Instant;
import java.util.Optional;

/**
 * The answer to "this is my order: number and phone tail". The caller words it for the shopper.
 *
 * @param order      the order, only when {@link Outcome#IDENTIFIED}
 * @param retryAfter when {@link Outcome#RATE_LIMITED}: when the visitor may try again; else null
 */
public record Identification(Outcome outcome, Optional<OrderView> order, Instant retryAfter) {

    public enum Outcome {
        /** number and tail match (or the signed visitor is the buyer): the order is shown from now on */
        IDENTIFIED,
        /** no such order or the tail does not match; deliberately the same answer, so it tells a guesser nothing */
        NO_MATCH,
        /** too many wrong guesses lately; nothing was checked */
        RATE_LIMITED,
        /** the order number or tail is not even well-formed (not counted as a guess) */
        MALFORMED
    }

    public static Identification of(Outcome outcome) {
        return new Identification(outcome, Optional.empty(), null);
    }

    public boolean identified() {
        return outcome == Outcome.IDENTIFIED;
    }
}
