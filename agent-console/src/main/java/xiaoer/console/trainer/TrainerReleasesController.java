package xiaoer.console.trainer;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import xiaoer.console.trainer.TrainerViews.DiffView;
import xiaoer.console.trainer.TrainerViews.DraftStatusView;
import xiaoer.console.trainer.TrainerViews.PublishCheckView;
import xiaoer.engine.training.AuditEntry;
import xiaoer.engine.training.Publisher;
import xiaoer.engine.training.Release;
import xiaoer.engine.training.ReleaseSummary;
import xiaoer.engine.training.TrainingWorkspace;

/**
 * Drafts and releases: the draft's status, approval, the publish gates, publishing, the release list, diffs,
 * rollback and the audit log.
 */
@RestController
public class TrainerReleasesController {

    public record NoteRequest(String note) {
    }

    /** A release with its scripts' ids (the scripts themselves come through export). */
    public record ReleaseView(ReleaseSummary release, List<String> scriptIds) {
        static ReleaseView of(Release r) {
            return new ReleaseView(r.summary(), r.scripts().stream().map(s -> s.id()).toList());
        }
    }

    private final TrainingWorkspace workspace;

    public TrainerReleasesController(TrainingWorkspace workspace) {
        this.workspace = workspace;
    }

    @GetMapping("/api/trainer/draft")
    public DraftStatusView draft() {
        List<ReleaseSummary> releases = workspace.publisher().releases();
        return DraftStatusView.of(workspace.publisher().draftState(), workspace.settings().requireApproval(),
                releases.isEmpty() ? null : releases.get(0), workspace.editor().unpublished());
    }

    /** Leads and admins approve the draft as it is now (needed when {@code xiaoer.trainer.require-approval} is on). */
    @PostMapping("/api/trainer/draft/approve")
    public DraftStatusView approve(Authentication auth) {
        TrainerActor actor = TrainerActor.of(auth);
        workspace.publisher().approve(actor.name(), actor.mayApprove());
        return draft();
    }

    @PostMapping("/api/trainer/publish/check")
    public PublishCheckView check() {
        return PublishCheckView.of(workspace.publisher().check());
    }

    @PostMapping("/api/trainer/publish")
    @ResponseStatus(HttpStatus.CREATED)
    public ReleaseView publish(@RequestBody NoteRequest request, Authentication auth) {
        return ReleaseView.of(workspace.publisher().publish(request == null ? null : request.note(),
                TrainerActor.of(auth).name()));
    }

    @GetMapping("/api/trainer/releases")
    public List<ReleaseSummary> releases() {
        return workspace.publisher().releases();
    }

    @GetMapping("/api/trainer/releases/{number}")
    public ReleaseView release(@PathVariable int number) {
        return ReleaseView.of(workspace.publisher().release(number));
    }

    /** One click: publishes release {@code number}'s content as a new release and resets the draft to it. */
    @PostMapping("/api/trainer/releases/{number}/rollback")
    @ResponseStatus(HttpStatus.CREATED)
    public ReleaseView rollback(@PathVariable int number, @RequestBody(required = false) NoteRequest request,
                                Authentication auth) {
        TrainerActor actor = TrainerActor.of(auth);
        return ReleaseView.of(workspace.publisher().rollback(number, request == null ? null : request.note(),
                actor.name(), actor.mayApprove()));
    }

    /** What changes from one version to another: "draft", "latest" or a release number. */
    @GetMapping("/api/trainer/diff")
    public DiffView diff(@RequestParam(defaultValue = "latest") String from,
                         @RequestParam(defaultValue = Publisher.DRAFT) String to) {
        return DiffView.of(workspace.publisher().compare(from, to));
    }

    @GetMapping("/api/trainer/audit")
    public List<AuditEntry> audit(@RequestParam(defaultValue = "100") int limit,
                                  @RequestParam(required = false) String target) {
        return workspace.audit().recent(Math.max(1, Math.min(limit, 1000)),
                target == null || target.isBlank() ? null : target);
    }
}
