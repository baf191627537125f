package xiaoer.engine.policy;

/**
 * Why a conversation goes to a person.
 *
 * @param code        {@code keyword} (asked for a person), {@code low_confidence} (the bot was unsure too often),
 *                    {@code angry} (an angry shopper goes to a person early) or {@code complaint}
 * @param cue         the words that triggered it, as found in the folded text; null for {@code low_confidence}
 *                    and {@code angry}
 * @param opensTicket whether a complaint ticket must be opened (complaints are tracked to a result and followed up)
 */
public record HandoffReason(String code, String cue, boolean opensTicket) {

    public static final String KEYWORD = "keyword";
    public static final String LOW_CONFIDENCE = "low_confidence";
    public static final String ANGRY = "angry";
    public static final String COMPLAINT = "complaint";

    static HandoffReason keyword(String cue) {
        return new HandoffReason(KEYWORD, cue, false);
    }

    static HandoffReason complaint(String cue) {
        return new HandoffReason(COMPLAINT, cue, true);
    }

    static HandoffReason angry() {
        return new HandoffReason(ANGRY, null, false);
    }

    static HandoffReason lowConfidence() {
        return new HandoffReason(LOW_CONFIDENCE, null, false);
    }
}
