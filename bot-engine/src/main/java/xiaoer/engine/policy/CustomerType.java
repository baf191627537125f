package xiaoer.engine.policy;

import java.util.Optional;

/** The customer types of the manuals (seed 000, 第二篇 question 5) plus the urgent and the angry shopper. */
public enum CustomerType {
    /** 占便宜型: keeps pushing for a lower price or freebies. */
    BARGAIN("bargain"),
    /** 懷疑型: distrusts online shopping, fears fakes. */
    SKEPTIC("skeptic"),
    /** 謹慎型: weighs value, finds it a bit expensive. */
    CAUTIOUS("cautious"),
    /** Needs it fast. */
    URGENT("urgent"),
    /** Upset: calm first, apologise, hand to a person early. */
    ANGRY("angry");

    private final String wire;

    CustomerType(String wire) {
        this.wire = wire;
    }

    /** The value used on the wire ({@code customerType} of {@code /api/bot/explain}). */
    public String wire() {
        return wire;
    }

    public static Optional<CustomerType> fromWire(String wire) {
        for (CustomerType t : values()) {
            if (t.wire.equals(wire)) return Optional.of(t);
        }
        return Optional.empty();
    }
}
