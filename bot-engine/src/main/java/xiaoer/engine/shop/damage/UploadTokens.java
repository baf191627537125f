package xiaoer.engine.shop.damage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Short-lived upload tokens: the widget server (which knows the socket's visitor and conversation) issues one, the
 * HTTP upload endpoint checks it, so an upload is bound to the conversation without trusting an id the client chose.
 * A token is {@code base64url(shop \n visitor \n conversation \n expiryEpochSeconds) "." hex(HMAC-SHA256)}. Every node
 * of a cluster must share the secret.
 */
public final class UploadTokens {

    private final byte[] secret;

    public UploadTokens(byte[] secret) {
        if (secret == null || secret.length < 16) throw new IllegalArgumentException("the secret needs ≥ 16 bytes");
        this.secret = secret.clone();
    }

    /** A fresh random secret: fine for one node; a cluster configures a shared one. */
    public static UploadTokens random() {
        byte[] s = new byte[32];
        new SecureRandom().nextBytes(s);
        return new UploadTokens(s);
    }

    public String issue(String shop, String visitorId, String conversationId, Instant expiresAt) {
        String payload = String.join("\n", shop, visitorId, conversationId, Long.toString(expiresAt.getEpochSecond()));
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + HexFormat.of().formatHex(mac(body));
    }

    /** The grant of a genuine, unexpired token; empty for anything else. */
    public Optional<UploadGrant> verify(String token, Instant now) {
        if (token == null || token.length() > 2000) return Optional.empty();
        int dot = token.lastIndexOf('.');
        if (dot <= 0) return Optional.empty();
        String body = token.substring(0, dot);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(given, mac(body))) return Optional.empty();
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (parts.length != 4) return Optional.empty();
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (now.isAfter(expires)) return Optional.empty();
        return Optional.of(new UploadGrant(parts[0], parts[1], parts[2], expires));
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
