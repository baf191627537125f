package xiaoer.engine.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import xiaoer.kb.lint.HanFolding;

/**
 * Decides whether a shopper's message goes to a person instead of the bot (issue 5, domain.md §5 and §7).
 * In order: a complaint (hand off and open a ticket), an explicit request for a person, an angry shopper, the bot
 * having been unsure {@code lowConfidenceLimit} times in a row. Pure and thread-safe.
 * <pre>{@code
 * new HandoffRules().evaluate("我要投诉", 0, null); // complaint, opensTicket() == true
 * }</pre>
 */
public final class HandoffRules {

    private static final int NEGATION_REACH = 3;

    private final HandoffSettings settings;
    private final HanFolding folding = HanFolding.standard();

    public HandoffRules() {
        this(HandoffSettings.defaults());
    }

    public HandoffRules(HandoffSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public HandoffSettings settings() {
        return settings;
    }

    /**
     * @param text                 the shopper's new message (null counts as empty)
     * @param lowConfidenceStreak  low-confidence answers the bot has given in a row before this message
     * @param customerType         the detected customer type's wire value, or null
     * @return why the conversation should go to a person, or empty when the bot may answer
     */
    public Optional<HandoffReason> evaluate(String text, int lowConfidenceStreak, String customerType) {
        String compact = compact(text == null ? "" : text);
        Optional<String> complaint = find(compact, settings.complaintKeywords());
        if (complaint.isPresent()) return complaint.map(HandoffReason::complaint);
        Optional<String> keyword = find(compact, settings.keywords());
        if (keyword.isPresent()) return keyword.map(HandoffReason::keyword);
        if (settings.handOffAngry() && CustomerType.ANGRY.wire().equals(customerType)) {
            return Optional.of(HandoffReason.angry());
        }
        if (lowConfidenceStreak >= settings.lowConfidenceLimit()) return Optional.of(HandoffReason.lowConfidence());
        return Optional.empty();
    }

    /** Whether the shopper turns a person down ("不用转人工了"): a hand-off keyword, negated. */
    public boolean declinesPerson(String text) {
        String compact = compact(text == null ? "" : text);
        for (String word : settings.keywords()) {
            String w = compact(word);
            for (int at = compact.indexOf(w); at >= 0; at = compact.indexOf(w, at + 1)) {
                if (!insideIgnored(compact, at, w.length()) && negated(compact, at)) return true;
            }
        }
        return false;
    }

    /** The first word of {@code words} that the text asks for (not inside an ignored word, not negated). */
    private Optional<String> find(String compact, List<String> words) {
        for (String word : words) {
            String w = compact(word);
            for (int at = compact.indexOf(w); at >= 0; at = compact.indexOf(w, at + 1)) {
                if (!insideIgnored(compact, at, w.length()) && !negated(compact, at)) return Optional.of(word);
            }
        }
        return Optional.empty();
    }

    private boolean insideIgnored(String compact, int at, int length) {
        for (String ignored : settings.ignored()) {
            String ig = compact(ignored);
            for (int i = compact.indexOf(ig); i >= 0 && i <= at; i = compact.indexOf(ig, i + 1)) {
                if (i + ig.length() >= at + length) return true;
            }
        }
        return false;
    }

    private boolean negated(String compact, int at) {
        String before = compact.substring(Math.max(0, at - NEGATION_REACH - 3), at);
        // A negation does not reach across punctuation: 我不会用，转人工 asks for a person.
        for (int i = before.length() - 1; i >= 0; i--) {
            if (isPunctuation(before.charAt(i))) {
                before = before.substring(i + 1);
                break;
            }
        }
        for (String negation : settings.negations()) {
            String n = compact(negation);
            int i = before.lastIndexOf(n);
            if (i >= 0 && before.length() - (i + n.length()) <= NEGATION_REACH) return true;
        }
        return false;
    }

    private static boolean isPunctuation(char c) {
        int type = Character.getType(c);
        return type >= Character.DASH_PUNCTUATION && type <= Character.OTHER_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION;
    }

    /** Folded, without whitespace: 轉 人 工 → 转人工. */
    private String compact(String text) {
        String folded = folding.fold(text);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (!Character.isWhitespace(c)) out.append(c);
        }
        return out.toString();
    }
}
