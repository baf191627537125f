package xiaoer.console;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import xiaoer.console.testing.StaffLogin;
import xiaoer.engine.chat.AgentRef;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.Sender;
import xiaoer.engine.chat.TypingEvent;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A logged-in console over a real WebSocket: the engine's events reach it with their seq. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleStompIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ChatEngine engine;

    @Autowired
    Shoppers shoppers;

    @Autowired
    org.springframework.messaging.simp.SimpMessagingTemplate messaging;

    private final WebSocketStompClient stomp = stompClient();
    private final List<StompSession> sessions = new CopyOnWriteArrayList<>();

    private static WebSocketStompClient stompClient() {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new JacksonJsonMessageConverter());
        return client;
    }

    @AfterEach
    void disconnect() {
        sessions.forEach(s -> {
            if (s.isConnected()) s.disconnect();
        });
    }

    private StompSession connect(StaffLogin login, boolean withCsrf, StompSessionHandlerAdapter handler)
            throws Exception {
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("Cookie", login.cookie());
        StompHeaders connect = new StompHeaders();
        if (withCsrf) connect.add(login.csrfHeader, login.csrfToken);
        CompletableFuture<StompSession> future = stomp.connectAsync("ws://localhost:" + port + "/ws/console",
                handshake, connect, handler);
        StompSession session = future.get(10, TimeUnit.SECONDS);
        sessions.add(session);
        return session;
    }

    /** Collects the pushes of one subscription. */
    private static final class Inbox implements StompFrameHandler {
        final BlockingQueue<Map<String, Object>> pushes = new LinkedBlockingQueue<>();

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return Map.class;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void handleFrame(StompHeaders headers, Object payload) {
            pushes.add((Map<String, Object>) payload);
        }

        Map<String, Object> next(String type) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                Map<String, Object> push = pushes.poll(200, TimeUnit.MILLISECONDS);
                if (push != null && type.equals(push.get("type"))) return push;
            }
            throw new AssertionError("no " + type + " push within 10 s");
        }
    }

    /** A subscription is live once a harmless typing event sent after it arrives. */
    private void awaitLive(Conversation c, Inbox inbox) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            engine.bus().publish(new TypingEvent(c.id(), c.shop(), c.visitorId(), Sender.SHOPPER, false));
            return inbox.pushes.stream().anyMatch(p -> "typing".equals(p.get("type")));
        });
        inbox.pushes.clear();
    }

    @Test
    void aConversationEventReachesASubscribedAgentWithItsSeq() throws Exception {
        StaffLogin login = StaffLogin.as(port, "agent", ConsoleTestApplication.PASSWORD);
        StompSession session = connect(login, true, new StompSessionHandlerAdapter() {
        });
        Conversation c = shoppers.waiting();
        Inbox conversation = new Inbox();
        Inbox queue = new Inbox();
        session.subscribe("/topic/console/conversation/" + c.id(), conversation);
        session.subscribe("/topic/console/queue", queue);
        awaitLive(c, conversation);

        engine.accept(new AgentRef("agent", "小美"), c.id());
        ChatEvent reply = engine.agentReply(new AgentRef("agent", "小美"), c.id(), "您好,请问有什么可以帮您?");

        Map<String, Object> joined = conversation.next("message");
        Map<String, Object> replied = conversation.next("message");
        assertThat(((Number) replied.get("seq")).longValue()).isEqualTo(reply.seq());
        assertThat(((Number) joined.get("seq")).longValue()).isEqualTo(reply.seq() - 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> event = (Map<String, Object>) replied.get("event");
        assertThat(event).containsEntry("from", "agent").containsEntry("text", "您好,请问有什么可以帮您?");

        Map<String, Object> changed = queue.next("conversation");
        assertThat(changed.get("conversationId")).isEqualTo(c.id());
    }

    @Test
    void theOwningAgentHearsAboutItsConversationsOnItsOwnQueue() throws Exception {
        StaffLogin login = StaffLogin.as(port, "agent2", ConsoleTestApplication.PASSWORD);
        StompSession session = connect(login, true, new StompSessionHandlerAdapter() {
        });
        Inbox mine = new Inbox();
        Inbox probe = new Inbox();
        Conversation c = shoppers.waiting();
        session.subscribe("/user/queue/console", mine);
        session.subscribe("/topic/console/conversation/" + c.id(), probe);
        awaitLive(c, probe);
        engine.accept(new AgentRef("agent2", "小林"), c.id());
        assertThat(mine.next("conversation").get("conversationId")).isEqualTo(c.id());
    }

    @Test
    void theShoppersTypingIsPushedButNotTheAgents() throws Exception {
        StaffLogin login = StaffLogin.as(port, "lead", ConsoleTestApplication.PASSWORD);
        StompSession session = connect(login, true, new StompSessionHandlerAdapter() {
        });
        Conversation c = shoppers.waiting();
        Inbox inbox = new Inbox();
        session.subscribe("/topic/console/conversation/" + c.id(), inbox);
        awaitLive(c, inbox);
        engine.bus().publish(new TypingEvent(c.id(), c.shop(), c.visitorId(), Sender.AGENT, true));
        engine.bus().publish(new TypingEvent(c.id(), c.shop(), c.visitorId(), Sender.SHOPPER, true));
        Map<String, Object> typing;
        do {
            // late warm-up pushes (shopper, off) may still be on the way
            typing = inbox.next("typing");
            assertThat(typing).containsEntry("from", "shopper");
        } while (!Boolean.TRUE.equals(typing.get("on")));
    }

    @Test
    void aConnectWithoutTheCsrfTokenIsRefused() throws Exception {
        StaffLogin login = StaffLogin.as(port, "agent", ConsoleTestApplication.PASSWORD);
        assertThatThrownBy(() -> connect(login, false, new StompSessionHandlerAdapter() {
        })).isInstanceOf(Exception.class);
    }

    @Test
    void aTrainerCannotOpenTheConsoleSocket() throws Exception {
        StaffLogin login = StaffLogin.as(port, "trainer", ConsoleTestApplication.PASSWORD);
        assertThatThrownBy(() -> connect(login, true, new StompSessionHandlerAdapter() {
        })).hasStackTraceContaining("403");
    }

    @Test
    void subscriptionsOutsideTheConsoleTopicsAreRefused() throws Exception {
        StaffLogin login = StaffLogin.as(port, "agent", ConsoleTestApplication.PASSWORD);
        StompSession session = connect(login, true, new StompSessionHandlerAdapter() {
        });
        Conversation c = shoppers.waiting();
        Inbox elsewhere = new Inbox();
        Inbox allowed = new Inbox();
        // frames are handled in order: once the later, allowed subscription is live, the refused one was decided
        session.subscribe("/topic/elsewhere", elsewhere);
        session.subscribe("/topic/console/conversation/" + c.id(), allowed);
        awaitLive(c, allowed);
        messaging.convertAndSend("/topic/elsewhere", (Object) Map.of("type", "leak"));
        messaging.convertAndSend("/topic/console/conversation/" + c.id(), (Object) Map.of("type", "probe"));
        allowed.next("probe");
        assertThat(elsewhere.pushes).isEmpty();
    }
}
