package xiaoer.engine.chat;

/**
 * A shopper as the widget presents them.
 *
 * @param verified true when the widget carried a valid signature: a known customer
 * @param name     display name of a known customer, or null
 */
public record Visitor(String shop, String visitorId, boolean verified, String name) {

    public static Visitor anonymous(String shop, String visitorId) {
        return new Visitor(shop, visitorId, false, null);
    }

    public String key() {
        return shop + ":" + visitorId;
    }
}
