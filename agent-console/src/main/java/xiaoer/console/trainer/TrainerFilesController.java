package xiaoer.console.trainer;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import xiaoer.console.trainer.TrainerViews.ImportPlanView;
import xiaoer.console.web.BadRequestException;
import xiaoer.engine.training.ScriptImport;
import xiaoer.engine.training.TrainingWorkspace;

/**
 * Export of the whole base (draft or a release) as JSONL or CSV, and import with a preview: nothing changes until
 * the trainer confirms the previewed plan (apply names the draft revision the preview was made against).
 */
@RestController
public class TrainerFilesController {

    /** @param text the file's content; {@code format} jsonl or csv; {@code mode} replace (default) or merge */
    public record ImportRequest(String text, String format, String mode, Long draftRevision) {
    }

    private final TrainingWorkspace workspace;

    public TrainerFilesController(TrainingWorkspace workspace) {
        this.workspace = workspace;
    }

    @GetMapping("/api/trainer/export")
    public ResponseEntity<byte[]> export(@RequestParam(defaultValue = "jsonl") String format,
                                         @RequestParam(defaultValue = "draft") String version) {
        String f = ScriptImport.checkFormat(format);
        StringWriter out = new StringWriter();
        ScriptImport.export(workspace.publisher().scripts(version), f, out);
        // a BOM so spreadsheet programs read the CSV's Chinese as UTF-8
        String body = "csv".equals(f) ? "\uFEFF" + out : out.toString();
        String name = "xiaoer-kb-" + version.replaceAll("[^A-Za-z0-9]", "") + "." + f;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(new MediaType("csv".equals(f) ? "text" : "application", "csv".equals(f) ? "csv" : "x-ndjson",
                        StandardCharsets.UTF_8))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/api/trainer/import/preview")
    public ImportPlanView preview(@RequestBody ImportRequest request) {
        if (request == null) throw new BadRequestException("empty", "Send the file as \"text\".");
        return ImportPlanView.of(workspace.imports().preview(request.text(), request.format(), request.mode()));
    }

    @PostMapping("/api/trainer/import/apply")
    public ImportPlanView apply(@RequestBody ImportRequest request, Authentication auth) {
        if (request == null || request.draftRevision() == null) {
            throw new BadRequestException("bad_request", "Preview first, then apply with the preview's \"draftRevision\".");
        }
        return ImportPlanView.of(workspace.imports().apply(request.text(), request.format(), request.mode(),
                request.draftRevision(), TrainerActor.of(auth).name()));
    }
}
