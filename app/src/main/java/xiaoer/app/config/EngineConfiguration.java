package xiaoer.app.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.app.storage.JdbcConversationStore;
import xiaoer.engine.bot.Bot;
import xiaoer.engine.bot.RecordAnswers;
import xiaoer.engine.bot.ShopRecordAnswers;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.ConversationStore;
import xiaoer.engine.chat.EngineSettings;
import xiaoer.engine.chat.EventBus;
import xiaoer.engine.chat.InProcessEventBus;
import xiaoer.engine.chat.VisitorLocks;
import xiaoer.engine.policy.CustomerTypeDetector;
import xiaoer.engine.policy.FollowUpResolver;
import xiaoer.engine.policy.HandoffRules;
import xiaoer.engine.policy.HandoffSettings;
import xiaoer.engine.policy.OpeningHours;
import xiaoer.engine.policy.OrderNumberExtractor;
import xiaoer.engine.shop.ShopService;
import xiaoer.engine.text.ServiceTexts;
import xiaoer.engine.training.ReleaseSeeder;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Linter;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Wires the plain-Java engine and knowledge base into Spring. Thin: construction only. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KnowledgeBase knowledgeBase(ReleaseSeeder releases) {
        long start = System.nanoTime();
        // the latest published release (trainer workspace); on the first start the shipped scripts become release 1
        KnowledgeBase kb = KnowledgeBase.create(releases.latestOrSeed(KnowledgeBase::builtinScripts).scripts());
        log.info("knowledge base ready: {} scripts in {} ms", kb.scripts().size(), (System.nanoTime() - start) / 1_000_000);
        return kb;
    }

    @Bean
    Linter linter() {
        return new Linter();
    }

    @Bean
    ServiceTexts serviceTexts() {
        return ServiceTexts.load();
    }

    @Bean
    EngineSettings engineSettings(XiaoerProperties properties) {
        XiaoerProperties.Engine e = properties.engine();
        XiaoerProperties.HumanHours h = e.humanHours();
        return new EngineSettings(e.maxMessageLength(), new OpeningHours(h.days(), h.from(), h.to(), h.zone()),
                e.courtesyAfter());
    }

    @Bean
    RecordAnswers recordAnswers(ShopService shop, ServiceTexts texts, Clock clock, XiaoerProperties properties) {
        XiaoerProperties.Engine e = properties.engine();
        return new ShopRecordAnswers(shop, new OrderNumberExtractor(), texts, clock, e.humanHours().zone(),
                e.courierReportWithin());
    }

    @Bean
    Bot bot(KnowledgeBase kb, Linter linter, ServiceTexts texts, RecordAnswers records, XiaoerProperties properties) {
        HandoffRules handoff = new HandoffRules(HandoffSettings.defaults()
                .withLowConfidenceLimit(properties.engine().lowConfidenceLimit()));
        return new Bot(kb, linter, texts, new CustomerTypeDetector(), handoff, new FollowUpResolver(), records);
    }

    @Bean
    @ConditionalOnProperty(name = "xiaoer.cluster.enabled", havingValue = "false", matchIfMissing = true)
    EventBus eventBus() {
        return new InProcessEventBus();
    }

    /**
     * On an H2 file database (the embedded default) appends are made durable in an event journal beside the database
     * file between checkpoints ({@code xiaoer.store.journal.*}); on PostgreSQL the commit is durable by itself.
     */
    @Bean
    ConversationStore conversationStore(JdbcTemplate jdbc, TransactionTemplate tx,
                                        @Value("${spring.datasource.url:}") String url,
                                        @Value("${xiaoer.store.journal.enabled:true}") boolean journal,
                                        @Value("${xiaoer.store.journal.checkpoint-interval:2s}") Duration checkpointEvery) {
        Path journalFile = journal ? JdbcConversationStore.journalBeside(url) : null;
        if (journalFile != null) log.info("conversation store: event journal {}", journalFile);
        return new JdbcConversationStore(jdbc, tx, new ObjectMapper(), journalFile, checkpointEvery);
    }

    @Bean
    ChatEngine chatEngine(ConversationStore store, Bot bot, Linter linter, EventBus bus, ServiceTexts texts,
                          Clock clock, EngineSettings settings, MeterRegistry metrics,
                          ObjectProvider<VisitorLocks> visitorLocks) {
        // in a cluster the visitor lock spans the nodes (Redisson); embedded, this JVM's lock
        return new ChatEngine(store, bot, linter, bus, texts, clock, settings, metrics,
                visitorLocks.getIfAvailable(VisitorLocks::local));
    }
}
