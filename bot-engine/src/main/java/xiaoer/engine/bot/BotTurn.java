package xiaoer.engine.bot;

import xiaoer.kb.Candidate;
import xiaoer.kb.Decision;
import xiaoer.kb.LintFinding;
import xiaoer.kb.QuickReply;

import java.util.List;

/**
 * The bot's whole decision for one shopper message: what the shopper will see and why.
 *
 * @param handoffReason null unless the conversation goes to a person (keyword, low_confidence, no_match, ...)
 * @param customerType  bargain, skeptic, cautious, urgent, angry or null
 * @param cues          what in the shopper's words led to the customer type
 * @param lint          findings on the final text (empty when it is clean)
 */
public record BotTurn(Decision decision, String scriptId, double score, List<Candidate> candidates,
                      List<String> tokens, String customerType, List<String> cues, List<LintFinding> lint,
                      String text, List<QuickReply> quickReplies, String handoffReason, boolean semanticUsed) {

    public boolean handoff() {
        return handoffReason != null;
    }
}
