package xiaoer.console.trainer;

import com.fasterxml.jackson.annotation.JsonInclude;
import xiaoer.console.web.FindingView;
import xiaoer.engine.bot.BotTurn;
import xiaoer.kb.Candidate;
import xiaoer.kb.QuickReply;

import java.util.List;

/**
 * The bot's whole decision for one message (the fixed explain contract). Nulls are written out, not dropped: a
 * client tells a hand-off by {@code "scriptId": null}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Explanation(String decision, String scriptId, double score, List<CandidateView> candidates,
                          String customerType, List<String> cues, List<FindingView> lint, String text,
                          List<String> tokens, List<QuickReply> quickReplies, String handoffReason,
                          boolean semanticUsed) {

    /** One script considered, best first. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CandidateView(String scriptId, double score, double lexical, double semantic,
                                List<String> matchedTerms) {

        static CandidateView of(Candidate c) {
            return new CandidateView(c.scriptId(), c.score(), c.lexical(), c.semantic(),
                    c.matchedTerms() == null ? List.of() : c.matchedTerms());
        }
    }

    static Explanation of(BotTurn t) {
        return new Explanation(t.decision().wire(), t.scriptId(), t.score(),
                nonNull(t.candidates()).stream().map(CandidateView::of).toList(), t.customerType(),
                nonNull(t.cues()), FindingView.all(t.lint()), t.text(), nonNull(t.tokens()),
                nonNull(t.quickReplies()), t.handoffReason(), t.semanticUsed());
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
