package xiaoer.channels.widget;

import com.corundumstudio.socketio.HandshakeData;
import xiaoer.engine.chat.Visitor;
import xiaoer.engine.text.ServiceTexts;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks on a widget's connect request, done once at the Engine.IO handshake (refused = HTTP 401, the socket.io
 * client sees {@code connect_error}) and re-read when the socket connects.
 *
 * <p>Decisions: {@code visitor} is required and must match {@code [A-Za-z0-9_\-:.]{1,64}}; {@code shop} defaults to
 * {@code default} and must match {@code [A-Za-z0-9_-]{1,64}} (no colon, so {@code shop:visitor} keys are unambiguous);
 * {@code lastSeq}, when present, must be a non-negative integer. A {@code sig} that does not verify against the shop's
 * secret is REFUSED (a forged or stale identity is an attack or a shop-side bug, and silently downgrading it would hide
 * both); a {@code sig} for a shop that has no secret is ignored and the visitor stays anonymous. {@code lang}, the
 * page's language ({@code en}, {@code en-US}, {@code zh-CN}), is a hint for a first greeting: one the service does not
 * speak is ignored, not refused.
 */
public final class WidgetHandshake {

    private static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9_\\-:.]{1,64}");
    private static final Pattern SHOP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** A handshake that passed: who connects, from where, from which seq to replay, on a page in which language. */
    public record Accepted(Visitor visitor, long lastSeq, String ip, String pageLang) {
    }

    /** The outcome: exactly one of {@code accepted} and {@code refusal} is set. */
    public record Result(Accepted accepted, String refusal) {
        static Result refuse(String reason) {
            return new Result(null, reason);
        }

        public boolean ok() {
            return accepted != null;
        }
    }

    private final WidgetSettings settings;
    private final ShopSecrets secrets;

    public WidgetHandshake(WidgetSettings settings, ShopSecrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    public Result check(HandshakeData data) {
        if (!settings.allowedOrigins().isEmpty()) {
            String origin = data.getHttpHeaders().get("Origin");
            if (origin == null || !settings.allowedOrigins().contains(origin)) return Result.refuse("origin");
        }
        Map<String, List<String>> params = data.getUrlParams();
        String shop = single(params, "shop");
        if (shop == null || shop.isEmpty()) shop = "default";
        if (!SHOP_ID.matcher(shop).matches()) return Result.refuse("shop");
        String visitorId = single(params, "visitor");
        if (visitorId == null || !VISITOR_ID.matcher(visitorId).matches()) return Result.refuse("visitor");

        long lastSeq = 0;
        String lastSeqParam = single(params, "lastSeq");
        if (lastSeqParam != null && !lastSeqParam.isEmpty()) {
            try {
                lastSeq = Long.parseLong(lastSeqParam);
            } catch (NumberFormatException e) {
                return Result.refuse("lastSeq");
            }
            if (lastSeq < 0) return Result.refuse("lastSeq");
        }

        boolean verified = false;
        String sig = single(params, "sig");
        if (sig != null && !sig.isEmpty()) {
            String secret = secrets.secretFor(shop);
            if (secret != null && !secret.isEmpty()) {
                if (!VisitorSignature.verify(secret, visitorId, sig)) return Result.refuse("signature");
                verified = true;
            }
        }
        return new Result(new Accepted(new Visitor(shop, visitorId, verified, null), lastSeq, clientIp(data),
                pageLanguage(single(params, "lang"))), null);
    }

    /** The primary subtag of a language tag when the service speaks it ({@code en-GB} → {@code en}), else null. */
    private static String pageLanguage(String tag) {
        if (tag == null || tag.length() > 35) return null;
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return ServiceTexts.LANGS.contains(primary) ? primary : null;
    }

    private String clientIp(HandshakeData data) {
        if (settings.trustForwardedFor()) {
            String forwarded = data.getHttpHeaders().get("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                // the last entry is the one our own proxy appended; earlier ones are client-controlled
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].trim();
            }
        }
        InetSocketAddress address = data.getAddress();
        if (address == null) return "unknown";
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params == null ? null : params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
