package xiaoer.console.trainer;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import xiaoer.console.trainer.TrainerViews.ProblemView;
import xiaoer.console.web.BadRequestException;
import xiaoer.engine.training.DraftFilter;
import xiaoer.engine.training.DraftListing;
import xiaoer.engine.training.DraftScript;
import xiaoer.engine.training.ScriptChecks;
import xiaoer.engine.training.TrainingWorkspace;
import xiaoer.kb.Linter;
import xiaoer.kb.Script;

/** The editor's API over the draft: list and filter, read, create, save, delete, add a phrasing, check as you type. */
@RestController
@RequestMapping("/api/trainer/scripts")
public class TrainerScriptsController {

    /** A save: the script, the version it was loaded at (null to create), and learning-loop misses it handles. */
    public record SaveRequest(Script script, Long version, List<String> missKeys) {
    }

    public record PhrasingRequest(String question, List<String> missKeys) {
    }

    public record CheckRequest(Script script) {
    }

    public record CheckResult(boolean ok, List<ProblemView> problems) {
    }

    private final TrainingWorkspace workspace;
    private final ScriptChecks checks;

    public TrainerScriptsController(TrainingWorkspace workspace, Linter linter) {
        this.workspace = workspace;
        this.checks = new ScriptChecks(linter);
    }

    @GetMapping
    public DraftListing list(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
                             @RequestParam(required = false) String lang, @RequestParam(required = false) String tag,
                             @RequestParam(required = false) Boolean unpublished,
                             @RequestParam(required = false) Integer changedWithinDays,
                             @RequestParam(defaultValue = "500") int limit) {
        var since = changedWithinDays == null ? null
                : java.time.Instant.now().minus(Duration.ofDays(Math.max(0, changedWithinDays)));
        return workspace.editor().list(new DraftFilter(q, category, lang, tag, unpublished, since,
                Math.max(1, Math.min(limit, 5000))));
    }

    @GetMapping("/{id}")
    public DraftScript get(@PathVariable String id) {
        return workspace.editor().get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public DraftScript create(@RequestBody SaveRequest request, Authentication auth) {
        Script s = script(request);
        return workspace.editor().save(s, null, TrainerActor.of(auth).name(), request.missKeys());
    }

    @PutMapping("/{id}")
    public DraftScript save(@PathVariable String id, @RequestBody SaveRequest request, Authentication auth) {
        Script s = script(request);
        if (!id.equals(s.id())) throw new BadRequestException("bad_request", "The script's id cannot change; create a new script instead.");
        if (request.version() == null) throw new BadRequestException("bad_request", "Send the version the script was loaded at.");
        return workspace.editor().save(s, request.version(), TrainerActor.of(auth).name(), request.missKeys());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String id, Authentication auth) {
        workspace.editor().delete(id, TrainerActor.of(auth).name());
    }

    @PostMapping("/{id}/phrasings")
    public DraftScript addPhrasing(@PathVariable String id, @RequestBody PhrasingRequest request, Authentication auth) {
        if (request == null) throw new BadRequestException("empty", "Send the phrasing as \"question\".");
        return workspace.editor().addPhrasing(id, request.question(), TrainerActor.of(auth).name(), request.missKeys());
    }

    /** The save's checks without saving: the editor shows them as the trainer types. */
    @PostMapping("/check")
    public CheckResult check(@RequestBody CheckRequest request) {
        if (request == null || request.script() == null) throw new BadRequestException("empty", "Send the script as \"script\".");
        List<ProblemView> problems = ProblemView.all(checks.check(request.script()));
        return new CheckResult(problems.isEmpty(), problems);
    }

    private static Script script(SaveRequest request) {
        if (request == null || request.script() == null) throw new BadRequestException("empty", "Send the script as \"script\".");
        return request.script();
    }
}
