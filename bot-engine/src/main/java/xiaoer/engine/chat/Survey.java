package xiaoer.engine.chat;

import java.util.Map;
import java.util.Optional;

/**
 * The satisfaction survey sent when an agent closes a chat: the shopper taps 满意 / 一般 / 不满意 and the answer is
 * stored on the conversation as a system event whose meta carries {@link #META_KEY}.
 */
public final class Survey {

    /** Meta key of the stored answer; values are {@link #SATISFIED}, {@link #NEUTRAL}, {@link #DISSATISFIED}. */
    public static final String META_KEY = "satisfaction";
    public static final String SATISFIED = "satisfied";
    public static final String NEUTRAL = "neutral";
    public static final String DISSATISFIED = "dissatisfied";

    /** Stage of the question event and of the answer event. */
    public static final String ASK_STAGE = "survey";
    public static final String ANSWER_STAGE = "survey_answer";

    /** The buttons' texts in every language (routing texts), and the traditional spellings. */
    private static final Map<String, String> ANSWERS = Map.of("满意", SATISFIED, "一般", NEUTRAL,
            "不满意", DISSATISFIED, "滿意", SATISFIED, "不滿意", DISSATISFIED, "satisfied", SATISFIED, "okay", NEUTRAL,
            "not satisfied", DISSATISFIED);

    private Survey() {
    }

    /** The rating a shopper's text gives, if it is one of the survey's answers. */
    public static Optional<String> rating(String text) {
        return text == null ? Optional.empty()
                : Optional.ofNullable(ANSWERS.get(text.strip().toLowerCase(java.util.Locale.ROOT)));
    }
}
