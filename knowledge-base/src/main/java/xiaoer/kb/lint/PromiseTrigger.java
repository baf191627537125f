package xiaoer.kb.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The absolute words (保证, 一定, 绝对, 肯定, 百分之百 …) that turn a sentence into a promise, minus their negated or
 * non-promising uses (无法向您保证, 不一定, 质量保证, 一定要保持电话畅通). Promise rules only look around these hits.
 *
 * @param pattern      the words, as a regex alternation
 * @param unlessBefore a hit preceded by this is not absolute (may be null)
 * @param unlessAfter  a hit followed by this is not a promise (may be null)
 * @param headChars    characters of which at least one must be in a text for any trigger to occur
 */
record PromiseTrigger(Pattern pattern, Pattern unlessBefore, Pattern unlessAfter, char[] headChars) {

    /** Positions {@code [start, end]} of every trigger that is absolute in its context. */
    List<int[]> find(String folded, CharPresence present) {
        List<int[]> hits = new ArrayList<>(2);
        if (!present.mayContainAny(headChars)) return hits;
        Matcher m = pattern.matcher(folded);
        while (m.find()) {
            if (Context.matches(unlessBefore, Context.before(folded, m.start()))) continue;
            if (Context.matches(unlessAfter, Context.after(folded, m.end()))) continue;
            hits.add(new int[] {m.start(), m.end()});
        }
        return hits;
    }
}
