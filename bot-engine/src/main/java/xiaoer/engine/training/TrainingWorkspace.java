package xiaoer.engine.training;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Linter;
import xiaoer.kb.Script;

/**
 * The trainer workspace's services, built from the ports in one place so the app and the tests wire them alike.
 *
 * @param draftBase the knowledge base over the draft (explain and regression cases run against it)
 */
public record TrainingWorkspace(DraftEditor editor, RegressionCases cases, Publisher publisher, MissQueue misses,
                                ScriptImport imports, AuditLog audit, DraftBase draftBase, TrainingSettings settings) {

    /** Stops the draft base's embedding threads. */
    public void close() {
        draftBase.close();
    }

    /** The storage and outside world the workspace needs. */
    public record Ports(DraftStore draft, ReleaseStore releases, RegressionCaseStore cases, AuditLog audit,
                        HandledMisses handled, TrainingTransactions tx, MissSource misses) {

        /** Everything in one in-memory store, no conversations. */
        public static Ports inMemory(InMemoryTrainingStore s) {
            return new Ports(s, s, s, s, s, s, MissSource.none());
        }

        public Ports withMisses(MissSource source) {
            return new Ports(draft, releases, cases, audit, handled, tx, source);
        }
    }

    /**
     * @param live           the live base: a release is made live with {@link KnowledgeBase#publish}
     * @param draftFactory   builds the draft's own base (same options as the live one)
     * @param afterPublish   told about every new release once it is live here (e.g. to tell other nodes); may be null
     */
    public static TrainingWorkspace create(Ports p, KnowledgeBase live, Function<List<Script>, KnowledgeBase> draftFactory,
                                           Linter linter, TrainingSettings settings, Clock clock,
                                           ReleaseListener afterPublish) {
        ScriptChecks checks = new ScriptChecks(linter);
        DraftBase draftBase = new DraftBase(p.draft(), draftFactory, live::thresholds);
        DraftEditor editor = new DraftEditor(p.draft(), p.releases(), p.audit(), p.handled(), p.tx(), checks, clock);
        RegressionCases cases = new RegressionCases(p.cases(), draftBase, p.audit(), p.tx(), clock);
        Consumer<Release> goLive = r -> {
            live.publish(r.scripts());
            if (afterPublish != null) afterPublish.published(r);
        };
        Publisher publisher = new Publisher(p.draft(), p.releases(), p.audit(), p.tx(), checks, cases, settings,
                goLive, clock);
        MissQueue misses = new MissQueue(p.misses(), p.handled(), draftBase, p.audit(), p.tx(), settings, clock);
        ScriptImport imports = new ScriptImport(p.draft(), p.audit(), p.tx(), checks, settings, clock);
        return new TrainingWorkspace(editor, cases, publisher, misses, imports, p.audit(), draftBase, settings);
    }
}
