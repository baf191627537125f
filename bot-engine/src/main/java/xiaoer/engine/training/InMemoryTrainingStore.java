package xiaoer.engine.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import xiaoer.kb.Script;

/**
 * Every training port in memory, for tests and set-ups without a database (lost on restart). Transactions are
 * serialized and undone on failure by restoring a copy of the state taken when they began.
 */
public final class InMemoryTrainingStore implements DraftStore, ReleaseStore, RegressionCaseStore, AuditLog,
        HandledMisses, TrainingTransactions {

    private static final class State {
        TreeMap<String, DraftScript> draft = new TreeMap<>();
        long revision;
        Long approvedRevision;
        String approvedBy;
        Instant approvedAt;
        TreeMap<Integer, Release> releases = new TreeMap<>();
        TreeMap<Long, RegressionCase> cases = new TreeMap<>();
        long nextCaseId = 1;
        List<AuditEntry> audit = new ArrayList<>();
        Map<String, String> handled = new HashMap<>();

        State copy() {
            State c = new State();
            c.draft = new TreeMap<>(draft);
            c.revision = revision;
            c.approvedRevision = approvedRevision;
            c.approvedBy = approvedBy;
            c.approvedAt = approvedAt;
            c.releases = new TreeMap<>(releases);
            c.cases = new TreeMap<>(cases);
            c.nextCaseId = nextCaseId;
            c.audit = new ArrayList<>(audit);
            c.handled = new HashMap<>(handled);
            return c;
        }
    }

    private State s = new State();
    private int depth;

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        State before = depth == 0 ? s.copy() : null;
        depth++;
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            if (before != null) s = before;
            throw e;
        } finally {
            depth--;
        }
    }

    // --- draft

    @Override
    public synchronized List<DraftScript> all() {
        return List.copyOf(s.draft.values());
    }

    @Override
    public synchronized Optional<DraftScript> find(String id) {
        return Optional.ofNullable(s.draft.get(id));
    }

    @Override
    public synchronized DraftScript put(Script script, Long expectedVersion, String actor, Instant at) {
        DraftScript current = s.draft.get(script.id());
        if (expectedVersion == null && current != null) throw TrainingException.conflict("script '" + script.id() + "' already exists");
        if (expectedVersion != null && (current == null || current.version() != expectedVersion)) {
            throw TrainingException.conflict("script '" + script.id() + "' was changed by someone else; reload it");
        }
        DraftScript next = new DraftScript(script, current == null ? 1 : current.version() + 1, at, actor);
        s.draft.put(script.id(), next);
        s.revision++;
        return next;
    }

    @Override
    public synchronized boolean remove(String id, String actor, Instant at) {
        boolean removed = s.draft.remove(id) != null;
        if (removed) s.revision++;
        return removed;
    }

    @Override
    public synchronized void replaceAll(List<Script> scripts, String actor, Instant at) {
        TreeMap<String, DraftScript> next = new TreeMap<>();
        for (Script script : scripts) {
            DraftScript current = s.draft.get(script.id());
            if (current != null && ScriptDiff.change(current.script(), script) == null) next.put(script.id(), current);
            else next.put(script.id(), new DraftScript(script, current == null ? 1 : current.version() + 1, at, actor));
        }
        s.draft = next;
        s.revision++;
    }

    @Override
    public synchronized DraftState state() {
        return new DraftState(s.revision, s.approvedRevision, s.approvedBy, s.approvedAt);
    }

    @Override
    public synchronized void approve(long revision, String actor, Instant at) {
        if (revision != s.revision) throw TrainingException.conflict("the draft changed; review it again");
        s.approvedRevision = revision;
        s.approvedBy = actor;
        s.approvedAt = at;
    }

    // --- releases

    @Override
    public synchronized Optional<Release> latest() {
        return s.releases.isEmpty() ? Optional.empty() : Optional.of(s.releases.lastEntry().getValue());
    }

    @Override
    public synchronized Optional<Release> release(int number) {
        return Optional.ofNullable(s.releases.get(number));
    }

    @Override
    public synchronized List<ReleaseSummary> releases() {
        return s.releases.descendingMap().values().stream().map(Release::summary).toList();
    }

    @Override
    public synchronized void addRelease(Release release) {
        if (s.releases.containsKey(release.number())) throw TrainingException.conflict("release " + release.number() + " exists");
        s.releases.put(release.number(), release);
    }

    // --- regression cases

    @Override
    public synchronized List<RegressionCase> cases() {
        return List.copyOf(s.cases.values());
    }

    @Override
    public synchronized Optional<RegressionCase> findCase(long id) {
        return Optional.ofNullable(s.cases.get(id));
    }

    @Override
    public synchronized RegressionCase addCase(String text, String lang, String expectedScriptId, String actor, Instant at) {
        RegressionCase c = new RegressionCase(s.nextCaseId++, text, lang, expectedScriptId, at, actor);
        s.cases.put(c.id(), c);
        return c;
    }

    @Override
    public synchronized boolean removeCase(long id) {
        return s.cases.remove(id) != null;
    }

    // --- audit

    @Override
    public synchronized void record(String actor, String action, String target, String detail, Instant at) {
        s.audit.add(new AuditEntry(s.audit.size() + 1, at, actor, action, target, detail));
    }

    @Override
    public synchronized List<AuditEntry> recent(int limit, String target) {
        return s.audit.stream().filter(e -> target == null || target.equals(e.target()))
                .sorted(Comparator.comparingLong(AuditEntry::id).reversed()).limit(limit).toList();
    }

    // --- handled misses

    @Override
    public synchronized Set<String> handled(Collection<String> keys) {
        Set<String> out = new HashSet<>();
        for (String k : keys) if (s.handled.containsKey(k)) out.add(k);
        return out;
    }

    @Override
    public synchronized void mark(String key, String actor, String action, Instant at) {
        s.handled.putIfAbsent(key, action);
    }
}
