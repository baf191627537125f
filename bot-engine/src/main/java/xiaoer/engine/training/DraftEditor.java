package xiaoer.engine.training;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import xiaoer.kb.Script;
import xiaoer.kb.Translation;
import xiaoer.kb.analysis.LanguageDetector;

/**
 * Changes to the draft, one script at a time. Every save passes {@link ScriptChecks} (a script that breaks the
 * lint or changes a locked fact is refused whole) and lands in the audit log with the fields it changed.
 */
public final class DraftEditor {

    private final DraftStore draft;
    private final ReleaseStore releases;
    private final AuditLog audit;
    private final HandledMisses handled;
    private final TrainingTransactions tx;
    private final ScriptChecks checks;
    private final Clock clock;

    public DraftEditor(DraftStore draft, ReleaseStore releases, AuditLog audit, HandledMisses handled,
                       TrainingTransactions tx, ScriptChecks checks, Clock clock) {
        this.draft = draft;
        this.releases = releases;
        this.audit = audit;
        this.handled = handled;
        this.tx = tx;
        this.checks = checks;
        this.clock = clock;
    }

    public DraftListing list(DraftFilter f) {
        Map<String, Script> published = new HashMap<>();
        releases.latest().ifPresent(r -> r.scripts().forEach(s -> published.put(s.id(), s)));
        List<DraftScript> all = draft.all();
        TreeSet<String> categories = new TreeSet<>();
        TreeSet<String> tags = new TreeSet<>();
        TreeSet<String> langs = new TreeSet<>();
        List<ScriptSummary> matching = new ArrayList<>();
        for (DraftScript d : all) {
            Script s = d.script();
            if (s.category() != null && !s.category().isBlank()) categories.add(s.category());
            tags.addAll(s.tags());
            langs.addAll(s.languages());
            Script was = published.remove(s.id());
            String status = was == null ? "new" : ScriptDiff.change(was, s) == null ? "published" : "changed";
            if (!matches(d, status, f)) continue;
            matching.add(new ScriptSummary(s.id(), s.lang(), s.languages(), s.category(), s.tags(),
                    s.questions().isEmpty() ? "" : s.questions().get(0), s.questions().size(), d.version(),
                    d.updatedAt(), d.updatedBy(), status));
        }
        if (f.changedSince() != null || Boolean.TRUE.equals(f.unpublished())) {
            matching.sort(Comparator.comparing(ScriptSummary::updatedAt).reversed());
        }
        int limit = Math.max(0, f.limit());
        List<ScriptSummary> page = matching.size() > limit ? matching.subList(0, limit) : matching;
        return new DraftListing(List.copyOf(page), matching.size(), categories, tags, langs,
                new ArrayList<>(new TreeSet<>(published.keySet())));
    }

    private static boolean matches(DraftScript d, String status, DraftFilter f) {
        Script s = d.script();
        if (f.category() != null && !f.category().isBlank() && !f.category().equals(s.category())) return false;
        if (f.lang() != null && !f.lang().isBlank() && !s.speaks(f.lang())) return false;
        if (f.tag() != null && !f.tag().isBlank() && !s.tags().contains(f.tag())) return false;
        if (Boolean.TRUE.equals(f.unpublished()) && "published".equals(status)) return false;
        if (f.changedSince() != null && d.updatedAt().isBefore(f.changedSince())) return false;
        if (f.query() == null || f.query().isBlank()) return true;
        String q = f.query().strip().toLowerCase(Locale.ROOT);
        if (s.id().toLowerCase(Locale.ROOT).contains(q)) return true;
        if (s.category() != null && s.category().toLowerCase(Locale.ROOT).contains(q)) return true;
        for (String t : s.tags()) if (t.toLowerCase(Locale.ROOT).contains(q)) return true;
        for (String lang : s.languages()) { // the translations' phrasings and answers too
            Script view = s.in(lang);
            if (view.answer() != null && view.answer().toLowerCase(Locale.ROOT).contains(q)) return true;
            for (String p : view.questions()) if (p.toLowerCase(Locale.ROOT).contains(q)) return true;
        }
        return false;
    }

    public DraftScript get(String id) {
        return draft.find(id).orElseThrow(() -> TrainingException.notFound("script '" + id + "'"));
    }

    /**
     * Creates ({@code expectedVersion} null) or updates a script. {@code missKeys}, when given, mark the learning
     * loop's misses that led to this change as handled.
     */
    public DraftScript save(Script script, Long expectedVersion, String actor, List<String> missKeys) {
        Script s = tidy(script);
        List<ScriptProblem> problems = checks.check(s);
        if (!problems.isEmpty()) throw new ScriptRefusedException(problems);
        return tx.inTransaction(() -> {
            DraftScript before = draft.find(s.id()).orElse(null);
            if (expectedVersion == null && before != null) {
                throw TrainingException.conflict("script '" + s.id() + "' already exists");
            }
            DraftScript saved = draft.put(s, expectedVersion, actor, clock.instant());
            if (before == null) {
                audit.record(actor, AuditActions.SCRIPT_CREATE, s.id(), s.questions().size() + " phrasings"
                        + (missKeys == null || missKeys.isEmpty() ? "" : ", from the learning loop"), clock.instant());
            } else {
                ScriptChange c = ScriptDiff.change(before.script(), s);
                audit.record(actor, AuditActions.SCRIPT_SAVE, s.id(), describe(c), clock.instant());
            }
            markHandled(missKeys, actor, "script");
            return saved;
        });
    }

    public void delete(String id, String actor) {
        tx.run(() -> {
            if (!draft.remove(id, actor, clock.instant())) throw TrainingException.notFound("script '" + id + "'");
            audit.record(actor, AuditActions.SCRIPT_DELETE, id, "removed from the draft", clock.instant());
        });
    }

    /** Adds one phrasing to an existing script (the learning loop's one click). A phrasing it already has is kept once. */
    public DraftScript addPhrasing(String id, String question, String actor, List<String> missKeys) {
        String q = question == null ? "" : question.strip();
        if (q.isEmpty()) throw new TrainingException("invalid", "the phrasing is empty");
        return tx.inTransaction(() -> {
            DraftScript d = get(id);
            Script s = d.script();
            DraftScript saved = d;
            // a phrasing in the language of one of the script's translations goes to that translation
            String lang = LanguageDetector.detect(q, s.lang());
            Translation t = s.translations().get(lang);
            if (t != null && !t.questions().contains(q)) {
                List<String> questions = new ArrayList<>(t.questions());
                questions.add(q);
                Map<String, Translation> translations = new TreeMap<>(s.translations());
                translations.put(lang, new Translation(questions, t.answer(), t.variants(), t.facts(),
                        t.quickReplies()));
                saved = draft.put(s.withTranslations(translations), d.version(), actor, clock.instant());
                audit.record(actor, AuditActions.PHRASING_ADD, id, "+ «" + q + "» (" + lang + ")", clock.instant());
            } else if (t == null && !s.questions().contains(q)) {
                List<String> questions = new ArrayList<>(s.questions());
                questions.add(q);
                saved = draft.put(new Script(s.id(), s.lang(), s.category(), questions, s.answer(), s.variants(),
                        s.facts(), s.quickReplies(), s.tags(), s.translations()), d.version(), actor, clock.instant());
                audit.record(actor, AuditActions.PHRASING_ADD, id, "+ «" + q + "»", clock.instant());
            }
            markHandled(missKeys, actor, "phrasing");
            return saved;
        });
    }

    private void markHandled(List<String> keys, String actor, String action) {
        if (keys == null) return;
        for (String k : keys) if (k != null && !k.isBlank()) handled.mark(k, actor, action, clock.instant());
    }

    /** What the draft changes against the latest release. */
    public ScriptDiff unpublished() {
        List<Script> published = releases.latest().map(Release::scripts).orElse(List.of());
        return ScriptDiff.between(published, scripts());
    }

    public List<Script> scripts() {
        return draft.all().stream().map(DraftScript::script).toList();
    }

    /** Trims phrasings and drops empty ones and exact repeats; the rest is the trainer's. */
    static Script tidy(Script s) {
        String category = s.category() == null || s.category().isBlank() ? null : s.category().strip();
        List<String> tags = s.tags().stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
        Map<String, Translation> translations = new TreeMap<>();
        s.translations().forEach((lang, t) -> translations.put(lang, new Translation(tidy(t.questions()), t.answer(),
                t.variants(), t.facts(), t.quickReplies())));
        return new Script(s.id() == null ? null : s.id().strip(), s.lang(), category, tidy(s.questions()), s.answer(),
                s.variants(), s.facts(), s.quickReplies(), tags, translations);
    }

    private static List<String> tidy(List<String> phrasings) {
        List<String> questions = new ArrayList<>();
        for (String q : phrasings) {
            if (q == null) continue;
            String t = q.strip();
            if (!t.isEmpty() && !questions.contains(t)) questions.add(t);
        }
        return questions;
    }

    static String describe(ScriptChange c) {
        if (c == null) return "no change";
        StringBuilder sb = new StringBuilder(String.join(", ", c.fields()));
        if (!c.addedQuestions().isEmpty()) sb.append("; +").append(c.addedQuestions().size()).append(" phrasings");
        if (!c.removedQuestions().isEmpty()) sb.append("; -").append(c.removedQuestions().size()).append(" phrasings");
        return sb.toString();
    }
}
