package xiaoer.console.trainer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import xiaoer.engine.training.InMemoryTrainingStore;
import xiaoer.engine.training.ReleaseListener;
import xiaoer.engine.training.ReleaseSeeder;
import xiaoer.engine.training.TrainingSettings;
import xiaoer.engine.training.TrainingWorkspace;
import xiaoer.kb.KbOptions;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Linter;
import xiaoer.kb.Script;

/**
 * Builds the trainer workspace's services. Storage comes from a {@link TrainingWorkspace.Ports} bean (the app's JDBC
 * stores); without one the workspace keeps its draft and releases in memory, seeded from what is live, and says so
 * in the log. {@link ReleaseListener} beans (e.g. a cluster broadcast) hear of every release.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrainerProperties.class)
public class TrainerWorkspaceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TrainerWorkspaceConfiguration.class);

    @Bean
    TrainingWorkspace trainingWorkspace(ObjectProvider<TrainingWorkspace.Ports> ports, KnowledgeBase live, Linter linter,
                                        TrainerProperties props, ObjectProvider<Clock> clocks,
                                        ObjectProvider<ReleaseListener> listeners) {
        Clock clock = clocks.getIfAvailable(Clock::systemUTC);
        TrainingWorkspace.Ports p = ports.getIfAvailable();
        if (p == null) {
            log.warn("no trainer storage configured: drafts, releases and cases are kept in memory and lost on restart");
            InMemoryTrainingStore store = new InMemoryTrainingStore();
            new ReleaseSeeder(store, store, store, store, clock).latestOrSeed(live::scripts);
            p = TrainingWorkspace.Ports.inMemory(store);
        }
        TrainingSettings settings = new TrainingSettings(props.requireApproval(),
                Duration.ofDays(Math.max(1, props.missWindowDays())), TrainingSettings.defaults().maxMissConversations(),
                props.maxImportChars());
        return TrainingWorkspace.create(p, live, draftFactory(live, props.draftEmbeddings()), linter, settings, clock,
                release -> listeners.orderedStream().forEach(l -> l.published(release)));
    }

    /** The draft's own base: the live base's thresholds, one embedding thread, patient (a trainer can wait). */
    private static Function<List<Script>, KnowledgeBase> draftFactory(KnowledgeBase live, boolean embeddings) {
        return scripts -> {
            KbOptions options = embeddings
                    ? KbOptions.defaults().withThresholds(live.thresholds()).withSemanticLimits(1, 256, 30_000)
                    : new KbOptions(null, live.thresholds(), 1, 16, 16, 1000);
            return KnowledgeBase.create(scripts, options);
        };
    }
}
