package xiaoer.kb.lint;

/**
 * A 1024-bit filter of the characters in a text: a rule whose characters are not all present is skipped without
 * running its regex. False positives only cost a regex run; there are no false negatives. This keeps a check of a
 * 200-character reply in the microseconds although the rule file has dozens of spellings.
 */
final class CharPresence {

    private final long[] bits = new long[16];

    CharPresence(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            int h = text.charAt(i) & 1023;
            bits[h >>> 6] |= 1L << (h & 63);
        }
    }

    boolean mayContain(char c) {
        int h = c & 1023;
        return (bits[h >>> 6] & (1L << (h & 63))) != 0;
    }

    boolean mayContainAll(char[] chars) {
        for (char c : chars) {
            if (!mayContain(c)) return false;
        }
        return true;
    }

    boolean mayContainAny(char[] chars) {
        for (char c : chars) {
            if (mayContain(c)) return true;
        }
        return chars.length == 0;
    }
}
