package xiaoer.kb.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a raw shopper message into the text the analyzers and the embedder see: bounded length, folded
 * characters, and order numbers / phone numbers / prices replaced by placeholders so that a long digit string
 * does not pull the match towards whichever phrasing happens to contain digits.
 */
public final class TextNormalizer {

    /** Longer messages are cut: per-message work must stay bounded. */
    public static final int MAX_CHARS = 1000;

    public static final String ORDER = "xxorder";
    public static final String PHONE = "xxphone";
    public static final String PRICE = "xxprice";

    private static final Pattern PHONE_NUMBER = Pattern.compile("(?<![0-9a-z])1[3-9][0-9]{9}(?![0-9])");
    private static final Pattern ORDER_NUMBER = Pattern.compile("(?<![0-9a-z])[a-z]{0,4}[0-9][0-9-]{7,}[0-9a-z]*");
    private static final Pattern PRICE_VALUE = Pattern.compile(
            "[¥$][ ]?[0-9]+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?[ ]?(?:元|块钱|块|rmb|yuan|dollars?)");

    private TextNormalizer() {
    }

    /** Folded text with ASCII placeholders, for the lexical analyzers. */
    public static String forLexical(String raw) {
        return placeholders(CharFolding.fold(bound(raw)), " " + ORDER + " ", " " + PHONE + " ", " " + PRICE + " ");
    }

    /** Folded text with words in place of numbers, for the embedding model (which reads words, not tokens). */
    public static String forEmbedding(String raw, boolean chinese) {
        String folded = CharFolding.fold(bound(raw)).trim();
        return chinese
                ? placeholders(folded, "订单号", "手机号", "价格")
                : placeholders(folded, " order number ", " phone number ", " price ");
    }

    private static String bound(String raw) {
        if (raw == null) return "";
        return raw.length() > MAX_CHARS ? raw.substring(0, MAX_CHARS) : raw;
    }

    private static String placeholders(String text, String order, String phone, String price) {
        String out = replace(PHONE_NUMBER, text, phone);
        out = replace(ORDER_NUMBER, out, order);
        return replace(PRICE_VALUE, out, price);
    }

    private static String replace(Pattern pattern, String text, String with) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(Matcher.quoteReplacement(with)) : text;
    }
}
