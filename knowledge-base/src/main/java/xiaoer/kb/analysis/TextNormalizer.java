package xiaoer.kb.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a raw shopper message into the text the analyzers and the embedder see: bounded length, folded
 * characters, and order numbers / phone numbers / prices replaced by placeholders so that a long digit string
 * does not pull the match towards whichever phrasing happens to contain digits. Latin abbreviations that Chinese
 * shoppers type (pinyin initials such as {@code zp} 正品, {@code sf} 顺丰; table in {@code abbreviations-zh.txt})
 * are expanded to the Chinese word when the message is Chinese.
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

    /** A run of Latin letters and digits: an abbreviation is only ever a whole run (never part of an order number). */
    private static final Pattern LATIN_RUN = Pattern.compile("[a-z0-9]+");
    private static final Pattern TRAILING_MARKS = Pattern.compile("[\\p{P}\\p{S}\\s]+$");
    private static final Map<String, String> ABBREVIATIONS = new HashMap<>();
    private static final Set<String> STANDALONE = new HashSet<>();

    static {
        loadAbbreviations();
    }

    private TextNormalizer() {
    }

    /** Folded text with ASCII placeholders, for the lexical analyzers. */
    public static String forLexical(String raw) {
        return placeholders(expandAbbreviations(CharFolding.fold(bound(raw))), " " + ORDER + " ", " " + PHONE + " ", " " + PRICE + " ");
    }

    /** Folded text with words in place of numbers, for the embedding model (which reads words, not tokens). */
    public static String forEmbedding(String raw, boolean chinese) {
        String folded = expandAbbreviations(CharFolding.fold(bound(raw))).trim();
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

    /**
     * Expands the known Latin abbreviations of already folded text: every whole Latin/digit run that is in the
     * table, when the text has a Han character; without one, only a standalone entry that is the whole message.
     */
    static String expandAbbreviations(String folded) {
        boolean han = false;
        for (int i = 0; i < folded.length() && !han; i++) {
            han = Character.UnicodeScript.of(folded.charAt(i)) == Character.UnicodeScript.HAN;
        }
        if (!han) {
            String whole = TRAILING_MARKS.matcher(folded.strip()).replaceAll("");
            return STANDALONE.contains(whole) ? ABBREVIATIONS.get(whole) : folded;
        }
        Matcher m = LATIN_RUN.matcher(folded);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            String word = ABBREVIATIONS.get(m.group());
            if (word == null) continue;
            if (sb == null) sb = new StringBuilder(folded.length() + 8);
            sb.append(folded, last, m.start()).append(word);
            last = m.end();
        }
        if (sb == null) return folded;
        return sb.append(folded, last, folded.length()).toString();
    }

    private static void loadAbbreviations() {
        try (InputStream in = TextNormalizer.class.getResourceAsStream("/xiaoer/kb/abbreviations-zh.txt")) {
            if (in == null) throw new IllegalStateException("missing resource /xiaoer/kb/abbreviations-zh.txt");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                String[] f = l.split("\\s+");
                if (f.length < 2 || f.length > 3 || (f.length == 3 && !"standalone".equals(f[2]))
                        || !LATIN_RUN.matcher(f[0]).matches()) {
                    throw new IllegalStateException("abbreviations-zh.txt: bad line: " + l);
                }
                ABBREVIATIONS.put(f[0], f[1]);
                if (f.length == 3) STANDALONE.add(f[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
