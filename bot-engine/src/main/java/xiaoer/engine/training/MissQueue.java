package xiaoer.engine.training;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Retrieval;

/**
 * The learning loop's queue: what the bot missed lately, similar questions grouped with counts, each group with the
 * draft's best guess of the script it belongs to and what people answered after the hand-offs. Handled misses
 * (added as a phrasing, made into a script, dismissed) leave the queue.
 */
public final class MissQueue {

    private static final int EXAMPLES = 8;
    private static final int REPLIES = 3;

    private final MissSource source;
    private final HandledMisses handled;
    private final DraftBase draftBase;
    private final AuditLog audit;
    private final TrainingTransactions tx;
    private final TrainingSettings settings;
    private final Clock clock;

    public MissQueue(MissSource source, HandledMisses handled, DraftBase draftBase, AuditLog audit,
                     TrainingTransactions tx, TrainingSettings settings, Clock clock) {
        this.source = source;
        this.handled = handled;
        this.draftBase = draftBase;
        this.audit = audit;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    /** The largest groups first, at most {@code limit} of them. */
    public List<MissGroup> groups(int limit) {
        List<Miss> misses = MissExtractor.extract(
                source.conversationsWithMisses(clock.instant().minus(settings.missWindow()), settings.maxMissConversations()));
        Set<String> done = handled.handled(misses.stream().map(Miss::key).toList());
        List<Miss> open = misses.stream().filter(m -> !done.contains(m.key())).toList();
        KnowledgeBase kb = draftBase.current();
        MissGrouper grouper = new MissGrouper(kb == null ? t -> List.of() : kb::analyze);
        List<MissGroup> out = new ArrayList<>();
        for (MissGrouper.Builder g : grouper.group(open)) {
            if (out.size() >= limit) break;
            out.add(toGroup(g.members(), kb));
        }
        return out;
    }

    private static MissGroup toGroup(List<Miss> members, KnowledgeBase kb) {
        Miss first = members.get(0);
        Map<String, Integer> kinds = new TreeMap<>();
        Set<String> replies = new LinkedHashSet<>();
        for (Miss m : members) {
            kinds.merge(m.kind(), 1, Integer::sum);
            if (m.agentReply() != null && !m.agentReply().isBlank() && replies.size() < REPLIES) replies.add(m.agentReply());
        }
        String suggested = null;
        double score = 0;
        if (kb != null) {
            Retrieval r = kb.retrieve(first.question(), null);
            if (!r.candidates().isEmpty()) {
                suggested = r.candidates().get(0).scriptId();
                score = r.candidates().get(0).score();
            }
        }
        return new MissGroup(first.key(), first.question(), members.stream().map(Miss::key).toList(), members.size(), kinds,
                List.copyOf(members.subList(0, Math.min(EXAMPLES, members.size()))), List.copyOf(replies),
                first.at(), suggested, score);
    }

    /** Takes a miss off the queue without changing the draft (not worth learning). */
    public void dismiss(List<String> keys, String actor) {
        if (keys == null || keys.isEmpty()) throw new TrainingException("invalid", "which misses?");
        tx.run(() -> {
            for (String key : keys) handled.mark(key, actor, "dismiss", clock.instant());
            audit.record(actor, AuditActions.MISS_DISMISS, keys.get(0), keys.size() + " miss(es) dismissed from the learning queue",
                    clock.instant());
        });
    }
}
