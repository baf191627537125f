package xiaoer.channels.widget;

import java.util.Map;

/**
 * The widget secret of each shop, with which the shop's own site signs visitor ids (hex HMAC-SHA256 of the visitor
 * id). Returns null for a shop without a secret: its visitors can only be anonymous.
 */
@FunctionalInterface
public interface ShopSecrets {

    String secretFor(String shop);

    static ShopSecrets none() {
        return shop -> null;
    }

    static ShopSecrets of(Map<String, String> secretsByShop) {
        Map<String, String> copy = Map.copyOf(secretsByShop);
        return copy::get;
    }
}
