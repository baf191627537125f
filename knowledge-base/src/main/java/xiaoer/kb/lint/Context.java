package xiaoer.kb.lint;

import java.util.regex.Pattern;

/** The few characters around a hit that a rule's {@code unless-before} / {@code unless-after} look at. */
final class Context {

    static final int BEFORE = 6;
    static final int AFTER = 8;

    private Context() {
    }

    /** Up to {@value #BEFORE} folded characters before {@code start}, trailing whitespace removed. */
    static String before(String folded, int start) {
        return folded.substring(Math.max(0, start - BEFORE), start).stripTrailing();
    }

    /** Up to {@value #AFTER} folded characters after {@code end}, leading whitespace removed. */
    static String after(String folded, int end) {
        return folded.substring(end, Math.min(folded.length(), end + AFTER)).stripLeading();
    }

    static boolean matches(Pattern pattern, String context) {
        return pattern != null && pattern.matcher(context).find();
    }
}
