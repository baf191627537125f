package xiaoer.engine.bot;

import xiaoer.engine.text.ServiceTexts;
import xiaoer.kb.Candidate;
import xiaoer.kb.Decision;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.LintFinding;
import xiaoer.kb.Linter;
import xiaoer.kb.QuickReply;
import xiaoer.kb.Retrieval;
import xiaoer.kb.Script;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides the bot's answer to one message: match a script, pick the wording for the customer type, lint the text,
 * and hand over politely when it is not sure (it never says it doesn't know).
 */
public final class Bot {

    /** Scripts whose match means "a person, please". */
    private static final Set<String> HANDOFF_SCRIPTS = Set.of("human");
    private static final Set<String> TICKET_SCRIPTS = Set.of("complaint");
    private static final int SUGGESTIONS = 3;

    private final KnowledgeBase kb;
    private final Linter linter;
    private final ServiceTexts texts;
    private final int lowConfidenceLimit;

    public Bot(KnowledgeBase kb, Linter linter, ServiceTexts texts, int lowConfidenceLimit) {
        this.kb = kb;
        this.linter = linter;
        this.texts = texts;
        this.lowConfidenceLimit = lowConfidenceLimit;
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /**
     * @param earlierShopperTexts the shopper's earlier messages in this conversation, oldest first
     * @param unsureStreak        how many bot turns in a row before this one were not sure (suggest)
     */
    public BotTurn decide(String text, String lang, List<String> earlierShopperTexts, int unsureStreak) {
        Retrieval r = kb.retrieve(text, lang);
        String customerType = null;
        List<String> cues = List.of();

        if (r.decision() == Decision.ANSWER) {
            Script script = kb.script(r.bestScriptId()).orElse(null);
            if (script != null) {
                String reason = HANDOFF_SCRIPTS.contains(script.id()) ? "keyword"
                        : TICKET_SCRIPTS.contains(script.id()) ? "complaint" : null;
                String answer = script.answerFor(customerType);
                List<LintFinding> lint = linter.check(answer);
                if (!lint.isEmpty() && customerType != null) {
                    // a variant that breaks the rules never reaches the shopper: fall back to the plain answer
                    answer = script.answer();
                    lint = linter.check(answer);
                }
                return new BotTurn(Decision.ANSWER, script.id(), r.score(), r.candidates(), r.tokens(), customerType,
                        cues, lint, answer, script.quickReplies(), reason, r.semanticUsed());
            }
        }
        if (r.decision() == Decision.SUGGEST && unsureStreak + 1 < lowConfidenceLimit) {
            List<QuickReply> buttons = new ArrayList<>();
            for (Candidate c : r.candidates()) {
                if (buttons.size() == SUGGESTIONS) break;
                kb.script(c.scriptId()).filter(s -> !s.questions().isEmpty())
                        .ifPresent(s -> buttons.add(new QuickReply(s.questions().get(0), s.questions().get(0))));
            }
            if (!buttons.isEmpty()) {
                String intro = texts.get("suggest.intro");
                return new BotTurn(Decision.SUGGEST, null, r.score(), r.candidates(), r.tokens(), customerType, cues,
                        linter.check(intro), intro, buttons, null, r.semanticUsed());
            }
        }
        String reason = r.decision() == Decision.SUGGEST ? "low_confidence" : "no_match";
        String polite = texts.get("handoff.polite");
        return new BotTurn(Decision.HANDOFF, null, r.score(), r.candidates(), r.tokens(), customerType, cues,
                linter.check(polite), polite, List.of(), reason, r.semanticUsed());
    }
}
