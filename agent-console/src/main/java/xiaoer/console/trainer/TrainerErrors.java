package xiaoer.console.trainer;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import xiaoer.console.trainer.TrainerViews.ImportPlanView;
import xiaoer.console.trainer.TrainerViews.ProblemView;
import xiaoer.console.trainer.TrainerViews.PublishCheckView;
import xiaoer.console.web.ApiError;
import xiaoer.engine.training.ImportRefusedException;
import xiaoer.engine.training.PublishBlockedException;
import xiaoer.engine.training.ScriptRefusedException;
import xiaoer.engine.training.TrainingException;
import xiaoer.kb.io.ScriptFormatException;

/**
 * The workspace's refusals as JSON: {@code {error, message}} plus what the page needs to show why — the problems of a
 * refused script (422), the gates of a blocked publish (422), the errors of a refused import (422).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {TrainerScriptsController.class, TrainerExplainController.class,
        TrainerCasesController.class, TrainerReleasesController.class, TrainerMissesController.class,
        TrainerFilesController.class})
public class TrainerErrors {

    /** A refused script: the script's problems, each with its field and lint findings. */
    public record ScriptRefusal(String error, String message, List<ProblemView> problems) {
    }

    public record PublishRefusal(String error, String message, PublishCheckView check) {
    }

    public record ImportRefusal(String error, String message, ImportPlanView plan) {
    }

    private static final Map<String, HttpStatus> STATUS = Map.of(
            "not_found", HttpStatus.NOT_FOUND,
            "conflict", HttpStatus.CONFLICT,
            "invalid", HttpStatus.BAD_REQUEST,
            "forbidden", HttpStatus.FORBIDDEN);

    @ExceptionHandler(ScriptRefusedException.class)
    ResponseEntity<ScriptRefusal> refused(ScriptRefusedException e) {
        return ResponseEntity.unprocessableContent().body(new ScriptRefusal("refused",
                "话术不符合规范,未保存 · The script breaks the lint or the script rules; nothing was saved.",
                ProblemView.all(e.problems())));
    }

    @ExceptionHandler(PublishBlockedException.class)
    ResponseEntity<PublishRefusal> blocked(PublishBlockedException e) {
        return ResponseEntity.unprocessableContent().body(new PublishRefusal("blocked", e.getMessage(),
                PublishCheckView.of(e.check())));
    }

    @ExceptionHandler(ImportRefusedException.class)
    ResponseEntity<ImportRefusal> importRefused(ImportRefusedException e) {
        return ResponseEntity.unprocessableContent().body(new ImportRefusal("import_refused", e.getMessage(),
                ImportPlanView.of(e.plan())));
    }

    @ExceptionHandler(ScriptFormatException.class)
    ResponseEntity<ApiError> format(ScriptFormatException e) {
        return ResponseEntity.unprocessableContent().body(new ApiError("refused", e.getMessage()));
    }

    @ExceptionHandler(TrainingException.class)
    ResponseEntity<ApiError> training(TrainingException e) {
        return ResponseEntity.status(STATUS.getOrDefault(e.code(), HttpStatus.BAD_REQUEST))
                .body(new ApiError(e.code(), e.getMessage()));
    }
}
