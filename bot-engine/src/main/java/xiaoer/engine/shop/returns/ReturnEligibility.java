package xiaoer.engine.shop.returns;

import java.time.Instant;
import java.util.List;

/**
 * Whether the 7-day no-reason rule covers an order now.
 *
 * @param windowEndsAt  delivery + window (inclusive end), or null when not delivered
 * @param excludedItems names of the items in excluded categories
 */
public record ReturnEligibility(Verdict verdict, Reason reason, Instant windowEndsAt, List<String> excludedItems) {

    public enum Verdict {
        /** inside the window, no excluded item: the shopper may return without a reason */
        NO_REASON_RETURN,
        /** a person decides (see {@link Reason}) */
        PERSON_DECIDES,
        /** not delivered yet: nothing to return (cancel or refuse the parcel instead) */
        NOT_DELIVERED
    }

    public enum Reason {
        INSIDE_WINDOW, WINDOW_PASSED, EXCLUDED_CATEGORY, NOT_DELIVERED
    }

    public ReturnEligibility {
        excludedItems = List.copyOf(excludedItems);
    }
}
