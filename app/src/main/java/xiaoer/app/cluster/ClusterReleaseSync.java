package xiaoer.app.cluster;

import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import xiaoer.engine.training.Release;
import xiaoer.engine.training.ReleaseListener;
import xiaoer.engine.training.ReleaseStore;
import xiaoer.kb.KnowledgeBase;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a trainer's release live on every node: the publishing node announces the release number on a Redis topic,
 * the others load that release from the database and swap it into their knowledge base. The announcement is sent
 * inside the publishing transaction, so a receiver retries for a while until the release is committed and visible.
 */
public final class ClusterReleaseSync implements ReleaseListener {

    private static final Logger log = LoggerFactory.getLogger(ClusterReleaseSync.class);
    private static final int LOAD_ATTEMPTS = 50;
    private static final long LOAD_RETRY_MS = 200;

    private final String nodeId = UUID.randomUUID().toString();
    private final RTopic topic;
    private final ReleaseStore releases;
    private final KnowledgeBase kb;
    private final ScheduledExecutorService loader;
    /** The newest release this node serves: an older announcement arriving late never replaces a newer one. */
    private final AtomicInteger live = new AtomicInteger();

    public ClusterReleaseSync(RedissonClient redisson, ReleaseStore releases, KnowledgeBase kb,
                              ScheduledExecutorService loader) {
        this.topic = redisson.getTopic("xiaoer:releases", StringCodec.INSTANCE);
        this.releases = releases;
        this.kb = kb;
        this.loader = loader;
        releases.latest().ifPresent(r -> live.set(r.number()));
        topic.addListener(String.class, (channel, message) -> received(message));
    }

    @Override
    public void published(Release release) {
        live.accumulateAndGet(release.number(), Math::max);
        topic.publish(nodeId + " " + release.number());
    }

    private void received(String message) {
        String[] parts = message.split(" ", 2);
        if (parts.length != 2 || parts[0].equals(nodeId)) return;
        int number;
        try {
            number = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return;
        }
        loader.execute(() -> load(number, 1));
    }

    private void load(int number, int attempt) {
        if (live.get() >= number) return;
        Optional<Release> release = releases.release(number);
        if (release.isEmpty()) {
            if (attempt < LOAD_ATTEMPTS) loader.schedule(() -> load(number, attempt + 1), LOAD_RETRY_MS, TimeUnit.MILLISECONDS);
            else log.warn("release {} announced but never visible in the database", number);
            return;
        }
        synchronized (this) {
            if (live.get() >= number) return;
            kb.publish(release.get().scripts());
            live.set(number);
        }
        log.info("release {} from another node is live here", number);
    }
}
