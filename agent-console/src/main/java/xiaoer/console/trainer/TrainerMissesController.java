package xiaoer.console.trainer;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import xiaoer.console.web.BadRequestException;
import xiaoer.engine.training.MissGroup;
import xiaoer.engine.training.TrainingWorkspace;

/**
 * The learning loop: grouped misses. Adding a question as a phrasing goes through
 * {@code POST /api/trainer/scripts/{id}/phrasings} and a new script through {@code POST /api/trainer/scripts}, both
 * with the group's {@code missKeys}, which takes the group off the queue.
 */
@RestController
public class TrainerMissesController {

    public record DismissRequest(List<String> keys) {
    }

    private final TrainingWorkspace workspace;

    public TrainerMissesController(TrainingWorkspace workspace) {
        this.workspace = workspace;
    }

    @GetMapping("/api/trainer/misses")
    public List<MissGroup> misses(@RequestParam(defaultValue = "50") int limit) {
        return workspace.misses().groups(Math.max(1, Math.min(limit, 200)));
    }

    @PostMapping("/api/trainer/misses/dismiss")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void dismiss(@RequestBody DismissRequest request, Authentication auth) {
        if (request == null || request.keys() == null || request.keys().isEmpty() || request.keys().size() > 1000) {
            throw new BadRequestException("empty", "Send the misses to dismiss as \"keys\" (at most 1000).");
        }
        workspace.misses().dismiss(request.keys(), TrainerActor.of(auth).name());
    }
}
