package xiaoer.engine.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xiaoer.kb.lint.HanFolding;

/**
 * Finds an order number and a phone tail in a shopper's message — the two things that identify a shopper who is not
 * signed in (ARCHITECTURE.md invariants: order number plus phone tail). An 11-digit mobile number (13812345678) is
 * never taken for an order number, nor is a 4-digit tail. Pure and thread-safe.
 */
public final class OrderNumberExtractor {

    private static final Pattern BARE_TAIL = Pattern.compile("[0-9]{4}");

    private final OrderNumberSettings settings;
    private final HanFolding folding = HanFolding.standard();

    public OrderNumberExtractor() {
        this(OrderNumberSettings.defaults());
    }

    public OrderNumberExtractor(OrderNumberSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The first order number in {@code text}, as the shopper wrote it (full-width digits folded to ASCII, letters
     * upper-cased: ｄｄ２０２４… → DD2024…); empty when there is none.
     */
    public Optional<String> orderNumber(String text) {
        if (text == null) return Optional.empty();
        Matcher m = settings.orderNumber().matcher(folding.fold(text));
        while (m.find()) {
            if (!settings.mobile().matcher(m.group()).matches()) return Optional.of(m.group().toUpperCase());
        }
        return Optional.empty();
    }

    /**
     * The last four digits of the shopper's phone: after 尾号 / 手机后四位 / last four digits, or a message that is
     * nothing but four digits (the answer to "请提供手机尾号"). Empty when there is none.
     */
    public Optional<String> phoneTail(String text) {
        if (text == null) return Optional.empty();
        String folded = folding.fold(text).strip();
        Matcher m = settings.phoneTail().matcher(folded);
        if (m.find()) return Optional.of(m.group(1));
        String bare = folded.replaceAll("[\\s\\p{P}]", "");
        return BARE_TAIL.matcher(bare).matches() ? Optional.of(bare) : Optional.empty();
    }
}
