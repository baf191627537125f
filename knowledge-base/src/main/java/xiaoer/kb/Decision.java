package xiaoer.kb;

/** The three outcomes of matching a shopper's message against the scripts. */
public enum Decision {
    /** One script is clearly best: answer with it. */
    ANSWER,
    /** A few scripts are close: ask "您是想问…" with a button for each. */
    SUGGEST,
    /** Nothing fits: a person takes over. */
    HANDOFF;

    public String wire() {
        return name().toLowerCase();
    }
}
