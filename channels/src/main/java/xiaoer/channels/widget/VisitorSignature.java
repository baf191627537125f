package xiaoer.channels.widget;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** The signed-visitor check: {@code sig} = hex HMAC-SHA256(secret, visitorId), compared in constant time. */
public final class VisitorSignature {

    private VisitorSignature() {
    }

    public static String sign(String secret, String visitorId) {
        return HexFormat.of().formatHex(hmac(secret, visitorId));
    }

    /** True only for a well-formed signature that matches; never throws on odd input. */
    public static boolean verify(String secret, String visitorId, String sigHex) {
        if (secret == null || secret.isEmpty() || visitorId == null || sigHex == null || sigHex.length() != 64) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(sigHex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        // constant time: the comparison does not stop at the first differing byte
        return MessageDigest.isEqual(hmac(secret, visitorId), given);
    }

    private static byte[] hmac(String secret, String visitorId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(visitorId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
