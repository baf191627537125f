package xiaoer.engine.shop.returns;

import java.util.EnumSet;
import java.util.Set;

/** The states of a return or exchange, and which state may follow which. */
public enum ReturnState {
    REQUESTED, APPROVED, REJECTED, PARCEL_SENT_BACK, RECEIVED, REFUNDED, EXCHANGED;

    /** The states this one may move to; empty for the final ones. */
    public Set<ReturnState> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED -> EnumSet.of(PARCEL_SENT_BACK);
            case PARCEL_SENT_BACK -> EnumSet.of(RECEIVED);
            // an exchange may end refunded when the replacement is out of stock, so both stay open here
            case RECEIVED -> EnumSet.of(REFUNDED, EXCHANGED);
            case REJECTED, REFUNDED, EXCHANGED -> EnumSet.noneOf(ReturnState.class);
        };
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
