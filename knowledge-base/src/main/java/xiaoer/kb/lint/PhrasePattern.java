package xiaoer.kb.lint;

import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One spelling of a forbidden phrase, compiled so that separators inserted between its characters still match:
 * {@code 我 不 知道}, {@code 不-知-道}, {@code 不　知　道} (full-width space is folded to a space first).
 * <p>
 * A sentence mark inside the hit ({@code ，。！？；：.}) is accepted only when every gap is filled — the way people
 * dodge a filter ({@code 不，知，道}) — because a single comma usually means two sentences: {@code 要不，清楚地…}.
 * A {@code ,} written in the phrase itself is a declared break (any punctuation run, possibly empty) and exempt.
 */
final class PhrasePattern {

    /** Separators people insert: whitespace, punctuation, symbols, zero-width characters; at most 3 in a row. */
    private static final String SEPARATOR = "[\\s\\p{Z}\\p{P}\\p{S}\\p{Cf}]";
    private static final String GAP = "(" + SEPARATOR + "{0,3})";
    private static final String DECLARED_BREAK = SEPARATOR + "{0,4}";
    private static final String SENTENCE_MARKS = ",。.!?;:\n";

    private final String phrase;
    private final Pattern pattern;
    private final char[] requiredChars;
    private final int gaps;

    PhrasePattern(String phrase) {
        this.phrase = phrase;
        StringBuilder regex = new StringBuilder();
        StringBuilder required = new StringBuilder();
        int gapCount = 0;
        boolean needGap = false;
        for (char c : phrase.toCharArray()) {
            if (c == ',') {
                regex.append(DECLARED_BREAK);
                needGap = false;
                continue;
            }
            if (needGap) {
                regex.append(GAP);
                gapCount++;
            }
            regex.append(Pattern.quote(String.valueOf(c)));
            required.append(c);
            needGap = true;
        }
        this.pattern = Pattern.compile(regex.toString());
        this.requiredChars = required.toString().toCharArray();
        this.gaps = gapCount;
    }

    String phrase() {
        return phrase;
    }

    boolean mayOccurIn(CharPresence present) {
        return present.mayContainAll(requiredChars);
    }

    /**
     * Hits of this spelling in {@code folded}, left to right, not overlapping each other. Jumps from one occurrence of
     * the first character to the next ({@link String#indexOf(int, int)} is vectorised) and tries the regex only there;
     * a plain {@code find()} would try every position and cost ten times more.
     */
    void forEachHit(String folded, BiConsumer<Integer, Integer> onHit) {
        char first = requiredChars[0];
        Matcher m = pattern.matcher(folded);
        int from = folded.indexOf(first);
        while (from >= 0) {
            m.region(from, folded.length());
            if (m.lookingAt() && acceptable(m)) {
                onHit.accept(m.start(), m.end());
                from = folded.indexOf(first, m.end());
            } else {
                from = folded.indexOf(first, from + 1);
            }
        }
    }

    /** Applies the uniform-gap rule to a hit of this spelling's regex. */
    private boolean acceptable(Matcher hit) {
        boolean sentenceMark = false;
        boolean emptyGap = false;
        for (int g = 1; g <= gaps; g++) {
            String gap = hit.group(g);
            if (gap.isEmpty()) emptyGap = true;
            for (int i = 0; i < gap.length() && !sentenceMark; i++) {
                sentenceMark = SENTENCE_MARKS.indexOf(gap.charAt(i)) >= 0;
            }
        }
        return !(sentenceMark && emptyGap);
    }
}
