package xiaoer.engine.chat;

/**
 * What routing needs from the shop's records (the app implements it on the shop service): whether a known buyer has
 * an open order (they wait with priority), and turning a message left in the queue into a ticket.
 */
public interface ShopDesk {

    /** No shop records: nobody has priority, a left message gets no ticket number. */
    ShopDesk NONE = new ShopDesk() {
        @Override
        public boolean hasOpenOrders(Visitor visitor) {
            return false;
        }

        @Override
        public String leaveMessage(Conversation conversation, String text) {
            return null;
        }
    };

    /** A verified shopper with an order not yet completed. */
    boolean hasOpenOrders(Visitor visitor);

    /**
     * A shopper who did not want to wait longer left {@code text}: record it for a follow-up (an inquiry ticket).
     *
     * @return the ticket number the shopper is told, or null when none was made
     */
    String leaveMessage(Conversation conversation, String text);
}
