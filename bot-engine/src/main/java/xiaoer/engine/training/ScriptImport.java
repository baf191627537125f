package xiaoer.engine.training;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xiaoer.kb.Script;
import xiaoer.kb.io.ScriptFiles;
import xiaoer.kb.io.ScriptFormatException;

/**
 * Import and export of the whole base in the architecture's JSONL or in CSV. An import is previewed first (every
 * error with its line, the lint, the diff against the draft) and applied only when confirmed, against the same
 * draft revision the preview saw; a file with any error changes nothing.
 */
public final class ScriptImport {

    public static final Set<String> FORMATS = Set.of("jsonl", "csv");
    public static final Set<String> MODES = Set.of("replace", "merge");

    private final DraftStore draft;
    private final AuditLog audit;
    private final TrainingTransactions tx;
    private final ScriptChecks checks;
    private final TrainingSettings settings;
    private final Clock clock;

    public ScriptImport(DraftStore draft, AuditLog audit, TrainingTransactions tx, ScriptChecks checks,
                        TrainingSettings settings, Clock clock) {
        this.draft = draft;
        this.audit = audit;
        this.tx = tx;
        this.checks = checks;
        this.settings = settings;
        this.clock = clock;
    }

    public ImportPlan preview(String text, String format, String mode) {
        return plan(text, format, mode, draft.state().revision(), current());
    }

    public ImportPlan apply(String text, String format, String mode, long expectedRevision, String actor) {
        return tx.inTransaction(() -> {
            long revision = draft.state().revision();
            if (revision != expectedRevision) {
                throw TrainingException.conflict("the draft changed since the preview; preview the file again");
            }
            List<Script> before = current();
            ImportPlan plan = plan(text, format, mode, revision, before);
            if (!plan.ok()) throw new ImportRefusedException(plan);
            draft.replaceAll(after(parse(text, format), mode, before), actor, clock.instant());
            ScriptDiff d = plan.changes();
            audit.record(actor, AuditActions.DRAFT_IMPORT, "draft", plan.format() + " " + plan.mode() + ": "
                    + d.added().size() + " added, " + d.changed().size() + " changed, " + d.removed().size()
                    + " removed", clock.instant());
            return plan;
        });
    }

    public static void export(List<Script> scripts, String format, Writer out) {
        try {
            if ("csv".equals(format)) ScriptFiles.writeCsv(scripts, out);
            else ScriptFiles.writeJsonl(scripts, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportPlan plan(String text, String format, String mode, long revision, List<Script> before) {
        String f = checkFormat(format);
        String m = mode == null || mode.isBlank() ? "replace" : mode;
        if (!MODES.contains(m)) throw new TrainingException("invalid", "mode is replace or merge");
        if (text == null || text.isBlank()) throw new TrainingException("invalid", "the file is empty");
        if (text.length() > settings.maxImportChars()) {
            throw new TrainingException("invalid", "the file is larger than " + settings.maxImportChars() + " characters");
        }
        List<Script> imported;
        try {
            imported = parse(text, f);
        } catch (ScriptFormatException e) {
            return new ImportPlan(f, m, 0, e.errors(), List.of(), new ScriptDiff(List.of(), List.of(), List.of()),
                    revision);
        }
        List<ScriptProblem> problems = checks.checkAll(imported);
        List<Script> after = after(imported, m, before);
        return new ImportPlan(f, m, imported.size(), List.of(), problems, ScriptDiff.between(before, after), revision);
    }

    private static List<Script> parse(String text, String format) {
        try {
            return "csv".equals(format) ? ScriptFiles.readCsv(new StringReader(text), "import.csv")
                    : ScriptFiles.readJsonl(new StringReader(text), "import.jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Script> after(List<Script> imported, String mode, List<Script> before) {
        if ("replace".equals(mode)) return imported;
        Map<String, Script> merged = new LinkedHashMap<>();
        for (Script s : before) merged.put(s.id(), s);
        for (Script s : imported) merged.put(s.id(), s);
        return new ArrayList<>(merged.values());
    }

    private List<Script> current() {
        return draft.all().stream().map(DraftScript::script).toList();
    }

    public static String checkFormat(String format) {
        String f = format == null || format.isBlank() ? "jsonl" : format.toLowerCase();
        if (!FORMATS.contains(f)) throw new TrainingException("invalid", "format is jsonl or csv");
        return f;
    }
}
