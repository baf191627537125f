package xiaoer.console.trainer;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import xiaoer.console.trainer.TrainerViews.CaseRunView;
import xiaoer.console.web.BadRequestException;
import xiaoer.engine.training.RegressionCase;
import xiaoer.engine.training.TrainingWorkspace;

/** Regression cases: save a sentence with its expected script (null: hand off), list, delete, run all against the draft. */
@RestController
@RequestMapping("/api/trainer/cases")
public class TrainerCasesController {

    public record CaseRequest(String text, String lang, String expectedScriptId) {
    }

    private final TrainingWorkspace workspace;

    public TrainerCasesController(TrainingWorkspace workspace) {
        this.workspace = workspace;
    }

    @GetMapping
    public List<RegressionCase> list() {
        return workspace.cases().all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public RegressionCase add(@RequestBody CaseRequest request, Authentication auth) {
        if (request == null) throw new BadRequestException("empty", "Send the case as {text, expectedScriptId}.");
        return workspace.cases().add(request.text(), request.lang(), request.expectedScriptId(),
                TrainerActor.of(auth).name());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable long id, Authentication auth) {
        workspace.cases().remove(id, TrainerActor.of(auth).name());
    }

    @PostMapping("/run")
    public CaseRunView run() {
        return CaseRunView.of(workspace.cases().runAll());
    }
}
