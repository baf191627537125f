package xiaoer.channels.widget;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import xiaoer.engine.bot.Bot;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.EngineSettings;
import xiaoer.engine.chat.InMemoryConversationStore;
import xiaoer.engine.chat.InProcessEventBus;
import xiaoer.engine.policy.OpeningHours;
import xiaoer.engine.text.ServiceTexts;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Linter;
import xiaoer.kb.QuickReply;
import xiaoer.kb.Script;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/** A real engine (in-memory store, real bot on a few scripts) behind a real widget server on a free port. */
final class WidgetFixture implements AutoCloseable {

    final InMemoryConversationStore store = new InMemoryConversationStore();
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final ChatEngine engine;
    final WidgetServer server;
    final int port;
    /** False while the knowledge base is not built yet: tests of bot replies are skipped then. */
    final boolean botReady;

    WidgetFixture(WidgetSettings settings, ShopSecrets secrets) {
        ServiceTexts texts = ServiceTexts.load();
        Linter linter = new Linter();
        KnowledgeBase kb = sharedKnowledgeBase();
        boolean ready;
        try {
            ready = kb != null && kb.retrieve("发什么快递", null) != null && linter.check("您好").isEmpty();
        } catch (UnsupportedOperationException e) {
            ready = false;
        }
        botReady = ready;
        engine = new ChatEngine(store, Bot.withDefaults(kb, linter, texts), linter, new InProcessEventBus(), texts,
                Clock.systemUTC(),
                EngineSettings.defaults().withHumanHours(OpeningHours.aroundTheClock(ZoneOffset.UTC)), metrics);
        port = freePort();
        server = new WidgetServer(engine, settings.withAddress("127.0.0.1", port), secrets, metrics);
        server.start();
    }

    WidgetFixture(WidgetSettings settings) {
        this(settings, ShopSecrets.none());
    }

    WidgetFixture() {
        this(WidgetSettings.defaults().withRateLimits(0, 0));
    }

    private static KnowledgeBase kb;
    private static boolean kbTried;

    /** Built once per test JVM: building an index (and its embeddings) takes seconds. */
    private static synchronized KnowledgeBase sharedKnowledgeBase() {
        if (!kbTried) {
            kbTried = true;
            try {
                kb = KnowledgeBase.create(scripts());
            } catch (UnsupportedOperationException e) {
                kb = null;
            }
        }
        return kb;
    }

    static List<Script> scripts() {
        return List.of(
                new Script("shipping", "zh", "logistics", List.of("发什么快递", "用的哪家快递", "默认什么快递"),
                        "亲，我们默认发中通快递，16点前下单当天发出哦~ 着急的话可以补差价改发顺丰。",
                        null, null, List.of(new QuickReply("改发顺丰", "可以发顺丰吗")), null),
                new Script("size", "zh", "presale", List.of("尺码怎么选", "我穿多大码", "选什么尺码"),
                        "亲，告诉我您的身高和体重，我帮您推荐合适的尺码哦~", null, null, null, null),
                new Script("material", "zh", "presale", List.of("是什么面料", "材质是什么", "纯棉的吗"),
                        "亲，这款是100%纯棉面料，透气舒适哦~", null, null, null, null),
                new Script("human", "zh", "service", List.of("转人工", "人工客服", "找人工"),
                        "好的呢，正在为您转接人工客服，请您稍等片刻~", null, null, null, null));
    }

    TestWidgetClient.Builder client(String visitor) {
        return TestWidgetClient.to(port).visitor(visitor);
    }

    List<ChatEvent> stored(String visitor) {
        return store.eventsAfter("default", visitor, 0);
    }

    double counter(String name, String... tags) {
        var c = metrics.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
