package xiaoer.engine.shop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The shop integration's API keys. Only the SHA-256 of a key is stored, so a leaked table does not leak keys; a key
 * is 32 random bytes, so an unsalted fast hash is enough (nothing to brute-force).
 */
public final class ShopApiKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ShopApiKey() {
    }

    /** A new random key, e.g. {@code xk_3f9a...} (67 characters). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "xk_" + HexFormat.of().formatHex(bytes);
    }

    /** Lower-case hex SHA-256 of the key as given. */
    public static String hash(String rawKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
