package xiaoer.kb;

import java.util.List;
import java.util.Objects;
import xiaoer.kb.lint.LintRules;

/**
 * The check every shopper-facing text passes: forbidden phrases (服務禁用語) and absolute promises, in simplified
 * and traditional characters (domain.md §3). The rules are data ({@code xiaoer/kb/lint/lint-rules.txt}); this class
 * is the stable entry point for the bot, the agents' console and {@code POST /api/lint}.
 * <p>
 * Cheap to construct (the standard rules are compiled once per JVM) and thread-safe.
 * <pre>{@code
 * Linter linter = new Linter();
 * if (!linter.passes(reply)) log.warn(linter.report(reply));
 * }</pre>
 */
public final class Linter {

    private final LintRules rules;

    /** A linter with the rules the product ships. */
    public Linter() {
        this(LintRules.standard());
    }

    /** A linter with other rules (a shop's own file, or a test's). */
    public Linter(LintRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Every finding in {@code text}, ordered by start; offsets point into {@code text} as given (inclusive start,
     * exclusive end). Empty when the text is clean.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public List<LintFinding> check(String text) {
        return rules.check(text);
    }

    /** True when {@code text} has no finding. */
    public boolean passes(String text) {
        return check(text).isEmpty();
    }

    /**
     * A human-readable report, one line per finding: {@code promise promise.delivery-date [0,5) «明天肯定到» →
     * 我们会尽快…}; "clean" when there is none. For logs, the trainer workspace and blocked agent replies.
     */
    public String report(String text) {
        List<LintFinding> findings = check(text);
        if (findings.isEmpty()) return "clean";
        StringBuilder out = new StringBuilder();
        for (LintFinding f : findings) {
            if (!out.isEmpty()) out.append('\n');
            out.append(f.kind()).append(' ').append(f.rule())
                    .append(" [").append(f.start()).append(',').append(f.end()).append(") «")
                    .append(text, f.start(), f.end()).append("» → ").append(f.suggestion());
        }
        return out.toString();
    }
}
