package xiaoer.engine.training;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import xiaoer.kb.Script;

/**
 * What the live knowledge base starts from: the latest release. On the very first start there is none, so the
 * shipped scripts become release 1 and the draft. Two nodes starting together both try; one wins, the other reads
 * the winner's release.
 */
public final class ReleaseSeeder {

    public static final String SYSTEM = "system";

    private final DraftStore draft;
    private final ReleaseStore releases;
    private final AuditLog audit;
    private final TrainingTransactions tx;
    private final Clock clock;

    public ReleaseSeeder(DraftStore draft, ReleaseStore releases, AuditLog audit, TrainingTransactions tx, Clock clock) {
        this.draft = draft;
        this.releases = releases;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The latest release's scripts, seeding release 1 from {@code builtin} when there is no release yet. */
    public Release latestOrSeed(Supplier<List<Script>> builtin) {
        Release latest = releases.latest().orElse(null);
        if (latest != null) {
            if (draft.all().isEmpty()) tx.run(() -> draft.replaceAll(latest.scripts(), SYSTEM, clock.instant()));
            return latest;
        }
        List<Script> scripts = builtin.get();
        Release first = new Release(1, "内置话术 · the shipped starter scripts", clock.instant(), SYSTEM, null, null,
                scripts);
        try {
            tx.run(() -> {
                releases.addRelease(first);
                draft.replaceAll(scripts, SYSTEM, clock.instant());
                audit.record(SYSTEM, AuditActions.RELEASE_SEED, "release 1", scripts.size() + " shipped scripts",
                        clock.instant());
            });
            return first;
        } catch (TrainingException raced) {
            if (!"conflict".equals(raced.code())) throw raced;
            return releases.latest().orElseThrow(() -> raced);
        }
    }
}
