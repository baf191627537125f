package xiaoer.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * When the bot answers, suggests or hands off, and how evidence is fused. The shipped defaults
 * ({@code /xiaoer/kb/thresholds.properties}) were chosen by {@code kb-eval --tune} on the Chinese tune set.
 *
 * @param answer         answer when the best candidate's confidence is at least this...
 * @param margin         ...and beats the second candidate's confidence by at least this
 * @param suggest        otherwise suggest ("您是想问…") when the best confidence is at least this; below: hand off
 * @param suggestWindow  a candidate joins the suggestions when its raw score is within this of the leader's
 * @param maxSuggestions at most this many suggestions
 * @param lexicalSure    the semantic step is skipped when the lexical-only confidence of the best candidate is
 *                       at least this (chosen by {@code --tune} so that such answers are ≥ 99 % right on the tune set)
 * @param fusion         how lexical and semantic evidence become one confidence
 */
public record Thresholds(double answer, double margin, double suggest, double suggestWindow, int maxSuggestions,
                         double lexicalSure, FusionModel fusion) {

    public static final String RESOURCE = "/xiaoer/kb/thresholds.properties";
    private static volatile Thresholds defaults;
    private static final java.util.Map<String, Thresholds> BY_LANG = new java.util.concurrent.ConcurrentHashMap<>();

    /** The shipped, tuned defaults. */
    public static Thresholds defaults() {
        Thresholds d = defaults;
        if (d == null) {
            try (InputStream in = Thresholds.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
                d = read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            defaults = d;
        }
        return d;
    }

    /**
     * The shipped defaults for messages of one language: {@code /xiaoer/kb/thresholds-LANG.properties} (tuned on
     * that language's tune set) when shipped, else {@link #defaults()} (tuned on the Chinese tune set).
     */
    public static Thresholds defaults(String lang) {
        if (lang == null || "zh".equals(lang)) return defaults();
        return BY_LANG.computeIfAbsent(lang, l -> {
            try (InputStream in = Thresholds.class.getResourceAsStream("/xiaoer/kb/thresholds-" + l + ".properties")) {
                return in == null ? defaults() : read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public Thresholds withLexicalSure(double lexicalSure) {
        return new Thresholds(answer, margin, suggest, suggestWindow, maxSuggestions, lexicalSure, fusion);
    }

    public Thresholds withDecision(double answer, double margin, double suggest) {
        return new Thresholds(answer, margin, suggest, suggestWindow, maxSuggestions, lexicalSure, fusion);
    }

    public Thresholds withFusion(FusionModel fusion) {
        return new Thresholds(answer, margin, suggest, suggestWindow, maxSuggestions, lexicalSure, fusion);
    }

    public static Thresholds read(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        return new Thresholds(
                num(p, "answer"), num(p, "margin"), num(p, "suggest"), num(p, "suggestWindow"),
                (int) num(p, "maxSuggestions"), num(p, "lexicalSure"),
                new FusionModel(num(p, "fusion.lexWeight"), nums(p, "fusion.full"), nums(p, "fusion.lexical")));
    }

    public void write(Writer out, String comment) throws IOException {
        out.write("# " + comment + "\n");
        out.write(String.format(Locale.ROOT, "answer=%.4f%nmargin=%.4f%nsuggest=%.4f%nsuggestWindow=%.4f%n"
                        + "maxSuggestions=%d%nlexicalSure=%.4f%nfusion.lexWeight=%.4f%nfusion.full=%s%nfusion.lexical=%s%n",
                answer, margin, suggest, suggestWindow, maxSuggestions, lexicalSure, fusion.lexWeight(),
                join(fusion.full()), join(fusion.lexical())));
        out.flush();
    }

    private static String join(double[] v) {
        return Arrays.stream(v).mapToObj(x -> String.format(Locale.ROOT, "%.5f", x)).collect(Collectors.joining(","));
    }

    private static double num(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalArgumentException("thresholds: missing " + key);
        return Double.parseDouble(v.trim());
    }

    private static double[] nums(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalArgumentException("thresholds: missing " + key);
        return Arrays.stream(v.split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
    }
}
