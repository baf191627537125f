package xiaoer.kb.lint;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of absolute promise (a delivery date, a quality outcome, a refund …): patterns that contain the trigger as
 * the named group {@code t}, tried only where they can contain a given trigger hit.
 *
 * @param id         stable id, e.g. {@code promise.delivery-date}
 * @param patterns   regexes on the folded text, each with exactly one group {@code t} (the trigger)
 * @param suggestion what to say instead
 */
record PromiseRule(String id, List<Pattern> patterns, Suggestion suggestion) {

    static final String KIND = "promise";
    static final String TRIGGER_GROUP = "t";
    private static final String TRIGGER_FIRST = "(?<" + TRIGGER_GROUP + ">";
    /** How far before a trigger a promise may start (a time before the absolute word: 三天之内绝对送到). */
    private static final int REACH_BEFORE = 16;
    private static final String SENTENCE_MARKS = "。,!?;:\n";

    /** The hit of this rule built around the trigger at {@code [trigger[0], trigger[1])}, or null. */
    Hit around(String folded, int[] trigger, boolean traditional) {
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(folded).useTransparentBounds(true).useAnchoringBounds(false);
            int start = pattern.pattern().startsWith(TRIGGER_FIRST) ? trigger[0] : clauseStart(folded, trigger[0]);
            // Anchored attempts at each possible start: far cheaper than find() over a window.
            for (int p = start; p <= trigger[0]; p++) {
                m.region(p, folded.length());
                if (m.lookingAt() && m.start(TRIGGER_GROUP) == trigger[0]) {
                    return new Hit(KIND, id, m.start(), m.end(), suggestion.forText(traditional));
                }
            }
        }
        return null;
    }

    /** The earliest start a pattern with something before its trigger may have: not across a sentence mark. */
    private static int clauseStart(String folded, int trigger) {
        int p = trigger;
        while (p > 0 && trigger - p < REACH_BEFORE && SENTENCE_MARKS.indexOf(folded.charAt(p - 1)) < 0) p--;
        return p;
    }
}
