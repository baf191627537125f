package xiaoer.app.routing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompSession;
import xiaoer.app.XiaoerApplication;
import xiaoer.app.testing.EmbeddedApp;
import xiaoer.console.testing.StaffLogin;
import xiaoer.engine.chat.AgentRef;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.ConversationStatus;
import xiaoer.engine.chat.Staffing;
import xiaoer.engine.chat.Visitor;
import xiaoer.engine.routing.AgentState;
import xiaoer.engine.routing.AgentStatus;
import xiaoer.engine.routing.Assignment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded product restarted with chats open (routing lives in memory there, the chats in the database): the agent
 * whose console comes back has their chat again, counted against their capacity; the chat of an agent who does not
 * come back goes to the queue after {@code offline-after} (15 s here: the agent who comes back must be faster) and from there to the one who is here. Two real starts of
 * the whole application on one data directory.
 */
class ChatsAcrossARestartTest {

    private final String dataDir = "./target/test-data/" + UUID.randomUUID();
    private final List<StompSession> consoles = new ArrayList<>();
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        consoles.forEach(s -> {
            if (s.isConnected()) s.disconnect();
        });
        if (app != null) app.close();
    }

    private void start() {
        app = new SpringApplicationBuilder(XiaoerApplication.class).run("--server.port=0",
                "--xiaoer.widget.host=127.0.0.1", "--xiaoer.widget.port=" + EmbeddedApp.freePort(),
                "--xiaoer.data-dir=" + dataDir, "--xiaoer.engine.human-hours.from=00:00",
                "--xiaoer.engine.human-hours.to=00:00", "--xiaoer.routing.offline-after=15s",
                "--xiaoer.routing.tick=200ms");
    }

    private void restart() {
        consoles.clear(); // their server is gone with the context
        app.close();
        start();
    }

    private ChatEngine engine() {
        return app.getBean(ChatEngine.class);
    }

    private Staffing staffing() {
        return app.getBean(Staffing.class);
    }

    private void console(String agent) throws Exception {
        int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        consoles.add(StaffLogin.as(port, agent, "agent123").stomp(new JacksonJsonMessageConverter()));
        await().atMost(Duration.ofSeconds(15)).until(() -> status(agent) == AgentStatus.ONLINE);
    }

    private AgentStatus status(String agent) {
        return staffing().seats().seat(agent).map(s -> s.status()).orElse(AgentStatus.OFFLINE);
    }

    private Conversation conversation(String id) {
        return engine().conversation(id).orElseThrow();
    }

    /** A shopper asks for a person; the routing pass gives the chat to whoever is online. */
    private String handOff() {
        Visitor shopper = Visitor.anonymous("default", "restart-" + UUID.randomUUID());
        engine().connect(shopper, 0);
        engine().respond(engine().receive(shopper, "m-" + UUID.randomUUID(), "转人工"));
        String id = engine().openConversationOf(shopper).orElseThrow().id();
        await().atMost(Duration.ofSeconds(10)).until(() -> conversation(id).status() == ConversationStatus.AGENT);
        return id;
    }

    private int load(String agent) {
        return staffing().router().agents().stream().filter(a -> a.id().equals(agent)).mapToInt(AgentState::load)
                .findFirst().orElse(0);
    }

    @Test
    void theAgentWhoComesBackHasTheirChatAndTheChatOfOneWhoDoesNotComesToThem() throws Exception {
        start();
        console("agent");
        String kept = handOff();
        assertThat(conversation(kept).agentId()).isEqualTo("agent");
        assertThat(engine().changeSeat("agent", AgentStatus.BUSY, null).isDone()).isTrue(); // the next goes to agent2
        console("agent2");
        String orphaned = handOff();
        assertThat(conversation(orphaned).agentId()).isEqualTo("agent2");

        restart();
        assertThat(conversation(kept).status()).as("stored across the restart").isEqualTo(ConversationStatus.AGENT);
        assertThat(staffing().router().assignment(kept)).as("routing starts empty").isEmpty();

        console("agent");
        assertThat(staffing().router().assignment(kept)).as("theirs again")
                .hasValueSatisfying(a -> assertThat(a.how()).isEqualTo(Assignment.How.RESUMED));
        assertThat(load("agent")).isGreaterThanOrEqualTo(1);
        assertThat(engine().agentReply(new AgentRef("agent", "小美"), kept, "您好，我接着为您处理。").text())
                .isEqualTo("您好，我接着为您处理。");

        // agent2 never comes back: after offline-after their chat is queued, then routed to the agent who is here
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(conversation(orphaned).agentId()).isEqualTo("agent"));
        assertThat(conversation(orphaned).status()).isEqualTo(ConversationStatus.AGENT);
        assertThat(engine().ownedBy("agent")).extracting(Conversation::id).contains(kept, orphaned);
        assertThat(load("agent")).isEqualTo(2);

        engine().close(new AgentRef("agent", "小美"), kept);
        assertThat(load("agent")).as("closing a resumed chat frees its place").isEqualTo(1);
    }
}
