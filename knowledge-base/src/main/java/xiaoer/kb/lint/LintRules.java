package xiaoer.kb.lint;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import xiaoer.kb.LintFinding;
import xiaoer.kb.semantic.LruCache;

/**
 * The compiled lint rules: forbidden phrases and absolute promises. Immutable and thread-safe; compile once and
 * share (the standard set is loaded once per JVM).
 * <p>
 * Usage: {@code List<LintFinding> findings = LintRules.standard().check(reply);}
 */
public final class LintRules {

    private static final String RESOURCE = "lint-rules.txt";
    private static volatile LintRules standard;

    private final List<ForbiddenPhraseRule> forbidden;
    private final PromiseTrigger trigger;
    private final List<PromiseRule> promises;
    private final HanFolding folding = HanFolding.standard();
    /**
     * Findings of recently checked texts: the bot's replies come from a few hundred scripts and templates, and every
     * reply is checked before it is sent, so the same texts are checked again and again (the findings are immutable).
     */
    private final LruCache<String, List<LintFinding>> recent = new LruCache<>(4_096);
    private static final int CACHED_MAX_LENGTH = 1_000;

    LintRules(List<ForbiddenPhraseRule> forbidden, PromiseTrigger trigger, List<PromiseRule> promises) {
        this.forbidden = List.copyOf(forbidden);
        this.trigger = trigger;
        this.promises = List.copyOf(promises);
    }

    /** The rules shipped in {@code xiaoer/kb/lint/lint-rules.txt}. */
    public static LintRules standard() {
        LintRules rules = standard;
        if (rules == null) {
            try (InputStream in = LintRules.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing resource xiaoer/kb/lint/" + RESOURCE);
                rules = read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            standard = rules;
        }
        return rules;
    }

    /**
     * Reads a rule file in the format documented at the top of {@code lint-rules.txt}.
     *
     * @throws IllegalArgumentException on a malformed rule, naming its line
     */
    public static LintRules read(Reader reader) throws IOException {
        return new LintRulesReader().read(reader);
    }

    /** Ids of all rules, forbidden first, in file order. */
    public List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        forbidden.forEach(r -> ids.add(r.id()));
        promises.forEach(r -> ids.add(r.id()));
        return ids;
    }

    /**
     * Every finding in {@code text}, ordered by start. Overlapping hits of the same kind become one finding: the
     * longest wins (我不知道 over 不知道), then the rule listed first. Offsets point into {@code text} itself.
     */
    public List<LintFinding> check(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) return List.of();
        if (text.length() > CACHED_MAX_LENGTH) return findings(text);
        List<LintFinding> known = recent.get(text);
        if (known != null) return known;
        List<LintFinding> found = findings(text);
        recent.put(text, found);
        return found;
    }

    private List<LintFinding> findings(String text) {
        String folded = folding.fold(text);
        boolean traditional = folding.containsTraditional(text);
        CharPresence present = new CharPresence(folded);
        List<Hit> hits = new ArrayList<>();
        for (ForbiddenPhraseRule rule : forbidden) rule.collect(folded, present, traditional, hits);
        for (int[] t : trigger.find(folded, present)) {
            for (PromiseRule rule : promises) {
                Hit hit = rule.around(folded, t, traditional);
                if (hit != null) {
                    hits.add(hit);
                    break;
                }
            }
        }
        return select(hits);
    }

    private static List<LintFinding> select(List<Hit> hits) {
        if (hits.isEmpty()) return List.of();
        List<Hit> ranked = new ArrayList<>(hits);
        // Stable sort keeps file order among equally long hits.
        ranked.sort(Comparator.comparingInt(Hit::length).reversed());
        List<Hit> kept = new ArrayList<>();
        for (Hit hit : ranked) {
            if (kept.stream().noneMatch(hit::overlaps)) kept.add(hit);
        }
        kept.sort(Comparator.comparingInt(Hit::start).thenComparing(Hit::kind));
        return kept.stream().map(Hit::toFinding).toList();
    }
}
