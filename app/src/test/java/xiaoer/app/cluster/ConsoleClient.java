package xiaoer.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import xiaoer.console.testing.StaffLogin;

import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An agent's console as the cluster tests drive it: form log-in on one node, REST calls with the CSRF header, and
 * STOMP subscriptions, on any node (the log-in session lives in Redis).
 */
final class ConsoleClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final String cookie;
    final String csrfHeader;
    final String csrfToken;
    private final StaffLogin login;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final List<StompSession> stomp = new CopyOnWriteArrayList<>();

    private ConsoleClient(StaffLogin login) {
        this.login = login;
        this.cookie = login.cookie();
        this.csrfHeader = login.csrfHeader;
        this.csrfToken = login.csrfToken;
    }

    /** Form log-in on the node at {@code baseUrl} (the session cookie is SESSION, kept in Redis, in cluster mode). */
    static ConsoleClient login(String baseUrl, String user, String password) throws IOException, InterruptedException {
        return new ConsoleClient(StaffLogin.at(baseUrl, user, password));
    }

    HttpResponse<String> get(String baseUrl, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Cookie", cookie)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String baseUrl, String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Cookie", cookie)
                .header(csrfHeader, csrfToken).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "{}" : json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Subscribes on {@code httpPort}'s STOMP endpoint; every push's JSON goes to {@code inbox}. */
    void subscribe(int httpPort, String destination, List<JsonNode> inbox) throws Exception {
        StompSession session = login.stomp("http://127.0.0.1:" + httpPort, new JacksonJsonMessageConverter(), null);
        stomp.add(session);
        StompHeaders sub = new StompHeaders();
        sub.setDestination(destination);
        session.subscribe(sub, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return java.util.Map.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                inbox.add(JSON.valueToTree(payload));
            }
        });
        Thread.sleep(300); // the simple broker registers the subscription asynchronously
    }

    @Override
    public void close() {
        for (StompSession s : stomp) {
            try {
                if (s.isConnected()) s.disconnect();
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        }
    }
}
