package xiaoer.engine.bot;

import xiaoer.kb.Candidate;
import xiaoer.kb.Decision;
import xiaoer.kb.LintFinding;
import xiaoer.kb.QuickReply;

import java.util.List;

/**
 * The bot's whole decision for one shopper message: what the shopper will see and why.
 *
 * @param handoffReason null unless the conversation goes to a person (keyword, complaint, angry, low_confidence,
 *                      no_match, return_review)
 * @param customerType  bargain, skeptic, cautious, urgent, angry or null
 * @param cues          what in the shopper's words led to the customer type
 * @param lint          findings on the final text (empty when it is clean)
 * @param variant       the script variant used (a customer type), or null for the plain answer
 * @param awaiting      a script waiting for the shopper's order number (slot filling), or null
 */
public record BotTurn(Decision decision, String scriptId, double score, List<Candidate> candidates,
                      List<String> tokens, String customerType, List<String> cues, List<LintFinding> lint,
                      String text, List<QuickReply> quickReplies, String handoffReason, boolean semanticUsed,
                      String variant, String awaiting) {

    public boolean handoff() {
        return handoffReason != null;
    }
}
