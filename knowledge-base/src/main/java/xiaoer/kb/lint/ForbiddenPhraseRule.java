package xiaoer.kb.lint;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 服務禁用語 with its spellings, the contexts in which it is harmless, and the manuals' wording to use instead.
 *
 * @param id           stable id: the phrase as the manuals list it, e.g. {@code 我不知道}
 * @param phrases      literal spellings, matched with separators allowed between characters
 * @param patterns     regex spellings, matched on the folded text as they are
 * @param unlessBefore skip a hit when the text just before it matches (may be null)
 * @param unlessAfter  skip a hit when the text just after it matches (may be null)
 * @param onlyAfter    keep a hit only when the text just after it matches (may be null)
 * @param suggestion   what to say instead
 */
record ForbiddenPhraseRule(String id, List<PhrasePattern> phrases, List<Pattern> patterns, Pattern unlessBefore,
                           Pattern unlessAfter, Pattern onlyAfter, Suggestion suggestion) {

    static final String KIND = "forbidden";

    void collect(String folded, CharPresence present, boolean traditional, List<Hit> out) {
        for (PhrasePattern phrase : phrases) {
            if (!phrase.mayOccurIn(present)) continue;
            phrase.forEachHit(folded, (start, end) -> addUnlessHarmless(folded, start, end, traditional, out));
        }
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(folded);
            while (m.find()) addUnlessHarmless(folded, m.start(), m.end(), traditional, out);
        }
    }

    private void addUnlessHarmless(String folded, int start, int end, boolean traditional, List<Hit> out) {
        String before = Context.before(folded, start);
        String after = Context.after(folded, end);
        if (Context.matches(unlessBefore, before) || Context.matches(unlessAfter, after)) return;
        if (onlyAfter != null && !onlyAfter.matcher(after).find()) return;
        out.add(new Hit(KIND, id, start, end, suggestion.forText(traditional)));
    }
}
