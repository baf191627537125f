package xiaoer.console.trainer;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import xiaoer.console.ConsoleProperties;
import xiaoer.console.web.BadRequestException;
import xiaoer.console.web.FindingView;
import xiaoer.engine.bot.Bot;
import xiaoer.kb.Linter;

import java.util.List;
import java.util.Set;

/**
 * The bot's API for trainers and outside tools. Neither call changes anything: explain runs the bot's decision
 * without a conversation, lint checks a text.
 */
@RestController
public class BotApiController {

    private static final Set<String> LANGS = Set.of("zh", "en");

    /** The lint's answer: {@code {"findings": [...]}}. */
    public record LintResult(List<FindingView> findings) {
    }

    /** The lint request: {@code {"text": "..."}}. */
    public record LintRequest(String text) {
    }

    private final Bot bot;
    private final Linter linter;
    private final ConsoleProperties limits;

    public BotApiController(Bot bot, Linter linter, ConsoleProperties limits) {
        this.bot = bot;
        this.linter = linter;
        this.limits = limits;
    }

    @PostMapping("/api/bot/explain")
    public Explanation explain(@RequestBody ExplainRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw new BadRequestException("empty", "Send the shopper's message as \"text\".");
        }
        if (request.text().length() > limits.maxTextLength()) {
            throw new BadRequestException("too_long", "The text is longer than " + limits.maxTextLength() + " characters.");
        }
        String lang = request.lang() == null || request.lang().isBlank() ? null : request.lang();
        if (lang != null && !LANGS.contains(lang)) {
            throw new BadRequestException("bad_lang", "\"lang\" is zh, en or left out.");
        }
        return Explanation.of(bot.decide(request.text().strip(), lang, history(request.history())));
    }

    @PostMapping("/api/lint")
    public LintResult lint(@RequestBody LintRequest request) {
        if (request == null || request.text() == null) {
            throw new BadRequestException("empty", "Send the text to check as \"text\".");
        }
        if (request.text().length() > limits.maxLintLength()) {
            throw new BadRequestException("too_long", "The text is longer than " + limits.maxLintLength() + " characters.");
        }
        return new LintResult(FindingView.all(linter.check(request.text())));
    }

    private List<String> history(List<String> history) {
        if (history == null) return List.of();
        if (history.size() > limits.maxHistoryItems()) {
            throw new BadRequestException("too_long", "At most " + limits.maxHistoryItems() + " history items.");
        }
        for (String h : history) {
            if (h == null || h.length() > limits.maxTextLength()) {
                throw new BadRequestException("bad_history", "Each history item is a text of at most "
                        + limits.maxTextLength() + " characters.");
            }
        }
        return history;
    }
}
