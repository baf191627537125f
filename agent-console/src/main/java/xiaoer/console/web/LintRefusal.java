package xiaoer.console.web;

import xiaoer.kb.LintFinding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The 422 answer to a reply the lint refused.
 *
 * @param findings      what broke the rules, each with the manuals' wording
 * @param suggestedText the refused text with every finding replaced by its suggestion; null when not known or when no
 *                      finding has a suggestion (the agent rewrites it then)
 */
public record LintRefusal(String error, String message, List<FindingView> findings, String suggestedText) {

    public static final int STATUS = 422;

    public static LintRefusal of(List<LintFinding> findings, String text) {
        return new LintRefusal("lint", "这条回复含有服务禁用语或绝对承诺,请改用建议的说法 · "
                + "The reply contains a forbidden phrase or an absolute promise; use the suggested wording.",
                FindingView.all(findings), text == null ? null : rewrite(text, findings));
    }

    /** Replaces findings from the end backwards so earlier offsets stay valid; overlapping ones are skipped. */
    static String rewrite(String text, List<LintFinding> findings) {
        List<LintFinding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingInt(LintFinding::start).reversed());
        StringBuilder out = new StringBuilder(text);
        int limit = text.length();
        boolean changed = false;
        for (LintFinding f : sorted) {
            if (f.suggestion() == null || f.start() < 0 || f.end() > limit || f.start() >= f.end()) continue;
            out.replace(f.start(), f.end(), f.suggestion());
            limit = f.start();
            changed = true;
        }
        return changed ? out.toString() : null;
    }
}
