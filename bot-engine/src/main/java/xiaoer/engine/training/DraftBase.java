package xiaoer.engine.training;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Script;
import xiaoer.kb.Thresholds;

/**
 * A knowledge base built from the draft, so trainers test changes before they go live. It is built on first use
 * and refreshed through {@link KnowledgeBase#publish} when the draft's revision moves (which reuses the embeddings
 * of unchanged phrasings), with the live base's thresholds so the draft decides as the live bot would.
 */
public final class DraftBase {

    private final DraftStore draft;
    private final Function<List<Script>, KnowledgeBase> factory;
    private final Supplier<Thresholds> thresholds;
    private KnowledgeBase base;
    private long builtRevision = -1;

    /**
     * @param factory    builds the draft's base the first time (the app passes the live base's options)
     * @param thresholds the live base's current thresholds
     */
    public DraftBase(DraftStore draft, Function<List<Script>, KnowledgeBase> factory, Supplier<Thresholds> thresholds) {
        this.draft = draft;
        this.factory = factory;
        this.thresholds = thresholds;
    }

    /** The base for the draft as it is now; null when the draft is empty. */
    public synchronized KnowledgeBase current() {
        long revision = draft.state().revision();
        if (base == null || revision != builtRevision) {
            List<Script> scripts = draft.all().stream().map(DraftScript::script).toList();
            if (scripts.isEmpty()) return null;
            if (base == null) base = factory.apply(scripts);
            else base.publish(scripts);
            builtRevision = revision;
        }
        Thresholds live = thresholds.get();
        if (live != null && live != base.thresholds()) base.setThresholds(live);
        return base;
    }

    public synchronized void close() {
        if (base != null) base.close();
    }
}
