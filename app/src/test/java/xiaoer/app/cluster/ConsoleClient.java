package xiaoer.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import java.io.IOException;
import java.lang.reflect.Type;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agent's console as the cluster tests drive it: form log-in on one node, REST calls with the CSRF header, and
 * STOMP subscriptions, on any node (the log-in session lives in Redis).
 */
final class ConsoleClient implements AutoCloseable {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final ObjectMapper JSON = new ObjectMapper();

    final String cookie;
    final String csrfHeader;
    final String csrfToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final List<StompSession> stomp = new CopyOnWriteArrayList<>();

    private ConsoleClient(String cookie, String csrfHeader, String csrfToken) {
        this.cookie = cookie;
        this.csrfHeader = csrfHeader;
        this.csrfToken = csrfToken;
    }

    static ConsoleClient login(String baseUrl, String user, String password) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String page = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF_INPUT.matcher(page);
        if (!m.find()) throw new IllegalStateException("no CSRF field on the login page");
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("log-in failed: " + r.statusCode());
        }
        HttpCookie session = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION") || c.getName().equals("JSESSIONID")).findFirst().orElseThrow();
        String cookie = session.getName() + "=" + session.getValue();
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode csrf = JSON.readTree(me.body()).get("csrf");
        return new ConsoleClient(cookie, csrf.get("headerName").asText(), csrf.get("token").asText());
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
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new JacksonJsonMessageConverter());
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("Cookie", cookie);
        StompHeaders connect = new StompHeaders();
        connect.add(csrfHeader, csrfToken);
        StompSession session = client.connectAsync("ws://127.0.0.1:" + httpPort + "/ws/console", handshake, connect,
                new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
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

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
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
