package xiaoer.engine.training;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import xiaoer.kb.Decision;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Retrieval;

/**
 * Sentences with the script the bot must answer them with (or null: it must hand off), run against the draft.
 * A case passes when the draft answers with the expected script, or hands off when none is expected; a suggestion
 * is not an answer and fails an in-scope case (as in {@code kb-eval}'s accuracy).
 */
public final class RegressionCases {

    private static final Set<String> LANGS = Set.of("zh", "en");

    private final RegressionCaseStore store;
    private final DraftBase draftBase;
    private final AuditLog audit;
    private final TrainingTransactions tx;
    private final Clock clock;

    public RegressionCases(RegressionCaseStore store, DraftBase draftBase, AuditLog audit, TrainingTransactions tx,
                           Clock clock) {
        this.store = store;
        this.draftBase = draftBase;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public List<RegressionCase> all() {
        return store.cases();
    }

    /** {@code expectedScriptId} null means "a person should take over". */
    public RegressionCase add(String text, String lang, String expectedScriptId, String actor) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new TrainingException("invalid", "the case's sentence is empty");
        if (t.length() > 2000) throw new TrainingException("invalid", "the case's sentence is longer than 2000 characters");
        String l = lang == null || lang.isBlank() ? null : lang;
        if (l != null && !LANGS.contains(l)) throw new TrainingException("invalid", "lang is zh, en or left out");
        String expected = expectedScriptId == null || expectedScriptId.isBlank() ? null : expectedScriptId.strip();
        return tx.inTransaction(() -> {
            RegressionCase c = store.addCase(t, l, expected, actor, clock.instant());
            audit.record(actor, AuditActions.CASE_ADD, "case " + c.id(),
                    "«" + t + "» → " + (expected == null ? "hand-off" : expected), clock.instant());
            return c;
        });
    }

    public void remove(long id, String actor) {
        tx.run(() -> {
            RegressionCase c = store.findCase(id).orElseThrow(() -> TrainingException.notFound("case " + id));
            store.removeCase(id);
            audit.record(actor, AuditActions.CASE_DELETE, "case " + id, "«" + c.text() + "»", clock.instant());
        });
    }

    /** Every case against the draft as it is now. */
    public List<CaseResult> runAll() {
        List<RegressionCase> cases = store.cases();
        if (cases.isEmpty()) return List.of();
        KnowledgeBase kb = draftBase.current();
        List<CaseResult> out = new ArrayList<>(cases.size());
        for (RegressionCase c : cases) out.add(run(kb, c));
        return out;
    }

    static CaseResult run(KnowledgeBase kb, RegressionCase c) {
        if (kb == null) {
            return new CaseResult(c, c.expectedScriptId() == null, Decision.HANDOFF.wire(), null, 0, null);
        }
        Retrieval r = kb.retrieve(c.text(), c.lang());
        String answered = r.decision() == Decision.ANSWER ? r.bestScriptId() : null;
        boolean pass = c.expectedScriptId() == null ? r.decision() == Decision.HANDOFF
                : c.expectedScriptId().equals(answered);
        String top = r.candidates().isEmpty() ? null : r.candidates().get(0).scriptId();
        return new CaseResult(c, pass, r.decision().wire(), answered, r.score(), top);
    }
}
