package xiaoer.engine.routing;

/** Who goes first in the queue, most urgent first (declaration order is the order served). */
public enum QueuePriority {
    /** Complaints are accepted at once (domain.md §5: 有投诉即时受理). */
    COMPLAINT,
    /** A known buyer with an order still open: money already spent, keep them waiting least. */
    OPEN_ORDER_BUYER,
    /** Everyone else. */
    STANDARD
}
