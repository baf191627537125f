package xiaoer.app.routing;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import xiaoer.app.XiaoerApplication;
import xiaoer.app.testing.EmbeddedApp;
import xiaoer.console.testing.StaffLogin;
import xiaoer.engine.chat.AgentRef;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.ConversationStore;
import xiaoer.engine.chat.ConversationStatus;
import xiaoer.engine.chat.Staffing;
import xiaoer.engine.chat.Visitor;
import xiaoer.engine.routing.AgentStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An agent whose console goes away is set OFFLINE after the grace period (here 2 s, the routing pass every 200 ms),
 * and the chat they held goes back to the queue; a console that reconnects within the grace keeps the seat online;
 * a chat stored with an agent routing does not know (a restart) goes back to the queue once that agent stays away.
 * The whole product on its embedded default over a real WebSocket, in its own application context (short timings).
 */
@SpringBootTest(classes = XiaoerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"xiaoer.routing.offline-after=2s", "xiaoer.routing.tick=200ms"})
@DirtiesContext
class ConsoleGoneOfflineTest {

    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final int WIDGET_PORT = EmbeddedApp.freePort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedApp.register(registry, WIDGET_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    ChatEngine engine;

    @Autowired
    Staffing staffing;

    @Autowired
    ConversationStore store;

    @Autowired
    MeterRegistry metrics;

    private final List<StompSession> sessions = new ArrayList<>();

    @AfterEach
    void disconnect() {
        sessions.forEach(s -> {
            if (s.isConnected()) s.disconnect();
        });
    }

    private StompSession console(String username, String password) throws Exception {
        StompSession session = StaffLogin.as(port, username, password).stomp(new JacksonJsonMessageConverter());
        sessions.add(session);
        return session;
    }

    private AgentStatus status(String agent) {
        return staffing.seats().seat(agent).map(s -> s.status()).orElse(AgentStatus.OFFLINE);
    }

    private void awaitStatus(String agent, AgentStatus expected) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(status(agent)).isEqualTo(expected));
    }

    /** A shopper asking for a person, the chat held by {@code agent} (routed to them, or accepted if still waiting). */
    private Conversation chatHeldBy(String agent) {
        Visitor shopper = Visitor.anonymous("default", "gone-" + UUID.randomUUID());
        engine.connect(shopper, 0);
        engine.respond(engine.receive(shopper, "m-" + UUID.randomUUID(), "转人工"));
        String id = engine.openConversationOf(shopper).orElseThrow().id();
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.conversation(id).orElseThrow().status()
                == ConversationStatus.AGENT || engine.waiting().stream().anyMatch(c -> c.id().equals(id)));
        if (engine.conversation(id).orElseThrow().status() != ConversationStatus.AGENT) {
            engine.accept(new AgentRef(agent, agent), id);
        }
        Conversation held = engine.conversation(id).orElseThrow();
        assertThat(held.status()).isEqualTo(ConversationStatus.AGENT);
        assertThat(engine.ownedBy(agent)).extracting(Conversation::id).contains(id);
        return held;
    }

    @Test
    void anAgentWhoseConsoleIsGoneGoesOfflineAndTheirChatGoesBackToTheQueue() throws Exception {
        StompSession session = console("agent", "agent123");
        awaitStatus("agent", AgentStatus.ONLINE);
        Conversation held = chatHeldBy("agent");

        Thread.sleep(GRACE.multipliedBy(2).toMillis()); // a live console keeps the seat however long
        assertThat(status("agent")).isEqualTo(AgentStatus.ONLINE);
        assertThat(engine.conversation(held.id()).orElseThrow().agentId()).isEqualTo("agent");
        assertThat(engine.conversation(held.id()).orElseThrow().status()).isEqualTo(ConversationStatus.AGENT);

        session.disconnect();
        awaitStatus("agent", AgentStatus.OFFLINE);
        // the seat is written first, then the chat given back (same call): wait for the latter to show
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(engine.conversation(held.id()).orElseThrow().status()).isEqualTo(ConversationStatus.QUEUED);
            assertThat(engine.waiting()).extracting(Conversation::id).contains(held.id());
            assertThat(engine.ownedBy("agent")).extracting(Conversation::id).doesNotContain(held.id());
        });
    }

    @Test
    void aBusyAgentWhoReloadsWithinTheGraceStaysAndOneWhoDoesNotGoesOffline() throws Exception {
        StompSession first = console("agent2", "agent123");
        awaitStatus("agent2", AgentStatus.ONLINE);
        assertThat(engine.changeSeat("agent2", AgentStatus.BUSY, null).isDone()).isTrue();

        first.disconnect(); // a page reload: the new console connects at once
        console("agent2", "agent123");
        Thread.sleep(GRACE.multipliedBy(2).toMillis());
        assertThat(status("agent2")).isEqualTo(AgentStatus.BUSY);

        sessions.stream().filter(StompSession::isConnected).forEach(StompSession::disconnect); // gone is gone, busy too
        awaitStatus("agent2", AgentStatus.OFFLINE);
    }

    @Test
    void aChatStoredWithAnAgentNoConsoleHasSeenSinceTheStartGoesBackToTheQueue() {
        // what a restart leaves: the row says an agent has the chat, routing has never heard of that agent
        Visitor shopper = Visitor.anonymous("default", "stranded-" + UUID.randomUUID());
        Conversation c = store.create(shopper, Instant.now());
        assertThat(store.transition(c.id(), ConversationStatus.BOT, ConversationStatus.AGENT, "ghost", "幽灵", null,
                Instant.now())).isPresent();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(engine.conversation(c.id()).orElseThrow().status()).isEqualTo(ConversationStatus.QUEUED);
            assertThat(engine.waiting()).extracting(Conversation::id).contains(c.id());
            assertThat(engine.ownedBy("ghost")).isEmpty();
        });
        assertThat(metrics.get("xiaoer.routing.stranded.released").counter().count()).isGreaterThanOrEqualTo(1);
    }
}
