package xiaoer.kb.lint;

/**
 * The manuals' wording offered instead of a flagged text, in simplified and traditional characters.
 *
 * @param simplified  the wording in simplified characters (never null)
 * @param traditional the wording in traditional characters; falls back to {@code simplified} when the rule file
 *                    gives none
 */
public record Suggestion(String simplified, String traditional) {

    public Suggestion {
        if (simplified == null || simplified.isBlank()) throw new IllegalArgumentException("empty suggestion");
        if (traditional == null || traditional.isBlank()) traditional = simplified;
    }

    /** The wording in the script the checked text is written in, so an agent can paste it as it is. */
    public String forText(boolean textIsTraditional) {
        return textIsTraditional ? traditional : simplified;
    }
}
