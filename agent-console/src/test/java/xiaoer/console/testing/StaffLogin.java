package xiaoer.console.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper shared by the console's and the app's tests: a real form log-in over HTTP, like a browser, keeping the
 * session cookie and the CSRF token the pages' script would use.
 */
public final class StaffLogin {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** JSESSIONID on one node; SESSION when Spring Session keeps it in Redis (cluster). */
    private static final Set<String> SESSION_COOKIES = Set.of("JSESSIONID", "SESSION");

    public final HttpClient http;
    public final String base;
    public final String sessionCookieName;
    public final String sessionId;
    public final String csrfHeader;
    public final String csrfToken;
    /** The token the log-in form carried (a different masking of the same secret). */
    public final String formCsrfToken;

    private StaffLogin(HttpClient http, String base, HttpCookie session, String csrfHeader, String csrfToken,
                       String formCsrfToken) {
        this.http = http;
        this.base = base;
        this.sessionCookieName = session.getName();
        this.sessionId = session.getValue();
        this.csrfHeader = csrfHeader;
        this.csrfToken = csrfToken;
        this.formCsrfToken = formCsrfToken;
    }

    /** The {@code Cookie} header value that carries the session. */
    public String cookie() {
        return sessionCookieName + "=" + sessionId;
    }

    /**
     * Opens the console's STOMP session over WebSocket as this staff member, as the console page does: the session
     * cookie on the handshake, the CSRF token in the CONNECT frame.
     *
     * @param httpBase the node to connect to ({@link #base}, or another node of a cluster sharing the session)
     * @param origin   an {@code Origin} header for the handshake, or null for none
     */
    public StompSession stomp(String httpBase, MessageConverter converter, String origin)
            throws InterruptedException, ExecutionException, TimeoutException {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(converter);
        client.setInboundMessageSizeLimit(1024 * 1024);
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("Cookie", cookie());
        if (origin != null) handshake.add("Origin", origin);
        StompHeaders connect = new StompHeaders();
        connect.add(csrfHeader, csrfToken);
        return client.connectAsync(httpBase.replaceFirst("^http", "ws") + "/ws/console", handshake, connect,
                new StompSessionHandlerAdapter() {
                }).get(10, TimeUnit.SECONDS);
    }

    /** {@link #stomp(String, MessageConverter, String)} on the node this log-in went to, with no Origin header. */
    public StompSession stomp(MessageConverter converter)
            throws InterruptedException, ExecutionException, TimeoutException {
        return stomp(base, converter, null);
    }

    public static StaffLogin as(int port, String username, String password) throws IOException, InterruptedException {
        return at("http://localhost:" + port, username, password);
    }

    public static StaffLogin at(String base, String username, String password) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(3)).build();
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF_INPUT.matcher(page);
        if (!m.find()) throw new IllegalStateException("no CSRF field on the login page");
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("log-in failed: " + login.statusCode() + " " + location);
        }
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode csrf = JsonMapper.builder().build().readTree(me.body()).get("csrf");
        HttpCookie session = cookies.getCookieStore().getCookies().stream()
                .filter(c -> SESSION_COOKIES.contains(c.getName())).findFirst().orElseThrow();
        return new StaffLogin(http, base, session, csrf.get("headerName").asString(), csrf.get("token").asString(),
                m.group(1));
    }

    /** A JSON POST with the CSRF header. */
    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header(csrfHeader, csrfToken).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
