package xiaoer.console.trainer;

import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import xiaoer.console.ConsoleProperties;
import xiaoer.console.web.BadRequestException;
import xiaoer.engine.bot.Bot;
import xiaoer.engine.bot.BotTurn;
import xiaoer.engine.text.ServiceTexts;
import xiaoer.engine.training.TrainingWorkspace;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Linter;

/**
 * "Why this answer" for trainers: the bot's decision against the draft (the default: see a change before it is
 * published) or against the live base. Same rules as the live bot; no shopper records are read.
 */
@RestController
public class TrainerExplainController {

    private static final Set<String> LANGS = Set.of("zh", "en");

    /** @param target draft (default) or live */
    public record TrainerExplainRequest(String text, String lang, List<String> history, String target) {
    }

    private final TrainingWorkspace workspace;
    private final Bot liveBot;
    private final Linter linter;
    private final ServiceTexts texts;
    private final ConsoleProperties limits;

    public TrainerExplainController(TrainingWorkspace workspace, Bot liveBot, Linter linter,
                                    ObjectProvider<ServiceTexts> texts, ConsoleProperties limits) {
        this.workspace = workspace;
        this.liveBot = liveBot;
        this.linter = linter;
        this.texts = texts.getIfAvailable(ServiceTexts::load);
        this.limits = limits;
    }

    @PostMapping("/api/trainer/explain")
    public DraftExplanation explain(@RequestBody TrainerExplainRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw new BadRequestException("empty", "Send the shopper's message as \"text\".");
        }
        if (request.text().length() > limits.maxTextLength()) {
            throw new BadRequestException("too_long", "The text is longer than " + limits.maxTextLength() + " characters.");
        }
        String lang = request.lang() == null || request.lang().isBlank() ? null : request.lang();
        if (lang != null && !LANGS.contains(lang)) throw new BadRequestException("bad_lang", "\"lang\" is zh, en or left out.");
        List<String> history = request.history() == null ? List.of() : request.history();
        if (history.size() > limits.maxHistoryItems() || history.stream().anyMatch(h -> h == null
                || h.length() > limits.maxTextLength())) {
            throw new BadRequestException("bad_history", "At most " + limits.maxHistoryItems() + " earlier messages of at most "
                    + limits.maxTextLength() + " characters each.");
        }
        boolean live = "live".equals(request.target());
        Bot bot = live ? liveBot : draftBot();
        BotTurn turn = bot.decide(request.text().strip(), lang, history);
        KnowledgeBase kb = bot.knowledgeBase();
        return new DraftExplanation(live ? "live" : "draft", Explanation.of(turn), turn.variant(),
                DraftExplanation.ThresholdsView.of(kb.thresholds()));
    }

    private Bot draftBot() {
        KnowledgeBase draft = workspace.draftBase().current();
        if (draft == null) throw new BadRequestException("empty_draft", "The draft has no scripts.");
        return Bot.withDefaults(draft, linter, texts);
    }
}
