package xiaoer.app.config;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import xiaoer.app.routing.RoutingTickGate;
import xiaoer.engine.bot.Bot;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.EngineSettings;
import xiaoer.engine.chat.InMemoryConversationStore;
import xiaoer.engine.chat.InProcessEventBus;
import xiaoer.engine.chat.Visitor;
import xiaoer.engine.policy.OpeningHours;
import xiaoer.engine.testing.MovableClock;
import xiaoer.engine.text.ServiceTexts;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Linter;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The courtesy reminder is sent by the node that runs the routing pass only (once per cluster, not per node). */
class SchedulingConfigurationTests {

    @Test
    void onlyTheNodeHoldingTheRoutingPassRemindsWaitingShoppers() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-25T04:00:00Z"));
        InMemoryConversationStore store = new InMemoryConversationStore();
        Linter linter = new Linter();
        ServiceTexts texts = ServiceTexts.load();
        ChatEngine engine = new ChatEngine(store, Bot.withDefaults(KnowledgeBase.create(KnowledgeBase.builtinScripts()),
                linter, texts), linter, new InProcessEventBus(), texts, clock,
                EngineSettings.defaults().withHumanHours(OpeningHours.aroundTheClock(ZoneOffset.UTC)),
                new SimpleMeterRegistry());
        Visitor shopper = Visitor.anonymous("default", "waiting-1");
        engine.connect(shopper, 0);
        engine.respond(engine.receive(shopper, "m1", "转人工"));
        String id = engine.openConversationOf(shopper).orElseThrow().id();
        clock.advance(EngineSettings.defaults().courtesyAfter().plus(Duration.ofSeconds(1)));

        AtomicBoolean holdsThePass = new AtomicBoolean(false);
        RoutingTickGate gate = holdsThePass::get;
        SchedulingConfiguration schedule = new SchedulingConfiguration(engine,
                new StaticListableBeanFactory(Map.of("gate", gate)).getBeanProvider(RoutingTickGate.class));

        schedule.remindWaitingShoppers();
        assertThat(courtesies(engine, id)).as("another node runs the pass").isZero();
        holdsThePass.set(true);
        schedule.remindWaitingShoppers();
        assertThat(courtesies(engine, id)).isEqualTo(1);
    }

    private static long courtesies(ChatEngine engine, String conversationId) {
        return engine.history(conversationId).stream().map(ChatEvent::meta)
                .filter(m -> "courtesy".equals(m.get("stage"))).count();
    }
}
