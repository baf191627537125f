package xiaoer.engine.bot;

/**
 * An answer built from the shopper's records (orders, shipments, returns).
 *
 * @param awaiting      the script that waits for the order number / phone tail (slot filling), or null
 * @param handoffReason non-null when a person must decide (e.g. outside the return window)
 * @param ticketNo      a follow-up ticket opened for the shopper, or null
 */
public record RecordReply(String text, String awaiting, String handoffReason, String ticketNo) {

    static RecordReply answer(String text) {
        return new RecordReply(text, null, null, null);
    }

    static RecordReply ask(String text, String scriptId) {
        return new RecordReply(text, scriptId, null, null);
    }
}
