package xiaoer.app.security;

import xiaoer.console.testing.StaffLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;

import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console's browser-facing limits on their defaults: the STOMP WebSocket only from the same origin, no CORS for
 * the API, and a STOMP frame beyond the size limit closes that console's session only.
 */
class ConsoleOriginsAndLimitsTest extends SecurityTestBase {

    @Autowired
    SimpMessagingTemplate messaging;

    private final List<StompSession> sessions = new CopyOnWriteArrayList<>();

    @AfterEach
    void disconnect() {
        sessions.forEach(s -> {
            if (s.isConnected()) s.disconnect();
        });
    }

    private StompSession connect(StaffLogin login, String origin) throws Exception {
        StompSession s = login.stomp(login.base, new StringMessageConverter(), origin);
        sessions.add(s);
        return s;
    }

    @Test
    void aHandshakeFromAForeignOriginIsRefused() throws Exception {
        StaffLogin agent = StaffLogin.as(httpPort, "agent", "agent123");
        assertThatThrownBy(() -> connect(agent, "http://evil.example")).hasStackTraceContaining("403");
        assertThatThrownBy(() -> connect(agent, "null")).hasStackTraceContaining("403");
        // the page's own origin is fine
        assertThat(connect(agent, "http://localhost:" + httpPort).isConnected()).isTrue();
    }

    @Test
    void theApiSendsNoCorsHeadersToAForeignOrigin() throws Exception {
        StaffLogin agent = StaffLogin.as(httpPort, "agent", "agent123");
        HttpResponse<String> preflight = agent.http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/api/console/queue")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.example").header("Access-Control-Request-Method", "GET").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> get = agent.http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/api/console/queue")).header("Origin", "http://evil.example").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(get.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void anOversizedStompFrameClosesThatSessionOnly() throws Exception {
        StaffLogin agent = StaffLogin.as(httpPort, "agent", "agent123");
        StompSession big = connect(agent, null);
        StompSession other = connect(StaffLogin.as(httpPort, "agent2", "agent123"), null);
        List<Object> received = new CopyOnWriteArrayList<>();
        other.subscribe("/topic/console/queue", new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return String.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                received.add(payload);
            }
        });
        try {
            big.send("/app/console/typing", "x".repeat(200 * 1024)); // beyond the 64 KB default
        } catch (org.springframework.messaging.MessageDeliveryException closedWhileSending) {
            // the server may close the session before the client has finished writing the frame
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (big.isConnected() && System.currentTimeMillis() < deadline) Thread.sleep(50);
        assertThat(big.isConnected()).as("the session that sent the oversized frame").isFalse();
        deadline = System.currentTimeMillis() + 10_000;
        while (received.isEmpty() && System.currentTimeMillis() < deadline) {
            messaging.convertAndSend("/topic/console/queue", (Object) "{\"type\":\"probe\"}");
            Thread.sleep(100);
        }
        assertThat(other.isConnected()).isTrue();
        assertThat(received).as("the other console still receives").isNotEmpty();
    }
}
