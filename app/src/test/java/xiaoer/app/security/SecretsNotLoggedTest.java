package xiaoer.app.security;

import xiaoer.console.testing.StaffLogin;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import xiaoer.channels.widget.TestWidgetClient;
import xiaoer.channels.widget.VisitorSignature;
import xiaoer.engine.shop.ShopApiKey;
import xiaoer.engine.shop.ShopApiKeys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With demo data on (the demo key printed once at first start is the documented exception), everything logged while
 * staff log in, a shop system calls with a key created afterwards, a signed widget connects (and a forged one is
 * refused), and CSRF-protected POSTs are made (valid and invalid token) must not contain the password, the key, the
 * widget secret, the signature, the session id or a CSRF token. The product's own loggers run at DEBUG meanwhile.
 */
class SecretsNotLoggedTest extends SecurityTestBase {

    private static final String WIDGET_SECRET = "demo-widget-secret-change-me";

    @Autowired
    ShopApiKeys keys;

    @Test
    void noSecretOrTokenReachesTheLog() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger xiaoer = context.getLogger("xiaoer");
        Level xiaoerLevel = xiaoer.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        xiaoer.setLevel(Level.DEBUG);
        List<String> secrets = new ArrayList<>();
        try {
            // a console log-in (and a failed one) and CSRF-protected POSTs
            StaffLogin agent = StaffLogin.as(httpPort, "agent", "agent123");
            secrets.addAll(List.of("agent123", agent.sessionId, agent.csrfToken, agent.formCsrfToken));
            HttpResponse<String> note = agent.post("/api/console/conversations/no-such/note", "{\"text\":\"x\"}");
            assertThat(note.statusCode()).isEqualTo(404);
            HttpClient http = agent.http;
            String forged = agent.csrfToken.substring(0, agent.csrfToken.length() - 4) + "AAAA";
            HttpResponse<String> badCsrf = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                    + "/api/console/conversations/no-such/note")).header("Content-Type", "application/json")
                    .header(agent.csrfHeader, forged).POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"x\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(badCsrf.statusCode()).isEqualTo(403);
            secrets.add(forged);
            try {
                StaffLogin.as(httpPort, "agent", "wrong-Pa55word!");
            } catch (IllegalStateException expected) {
                // the failed log-in is what we wanted
            }
            secrets.add("wrong-Pa55word!");

            // the shop API with a key created through the service after the first start
            String key = ShopApiKey.generate();
            keys.add("default", ShopApiKey.hash(key), "log test", Instant.now());
            secrets.add(key);
            HttpClient plain = HttpClient.newHttpClient();
            for (String k : List.of(key, key + "x")) {
                HttpResponse<String> shop = plain.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/api/shop/orders/LOG-1/shipments")).header("X-Api-Key", k)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"carrier\":\"SF\",\"trackingNo\":\"1\",\"status\":\"IN_TRANSIT\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(shop.statusCode()).isIn(400, 401, 404);
            }

            // a signed widget visitor, and a forged signature that is refused
            String sig = VisitorSignature.sign(WIDGET_SECRET, "member-4711");
            secrets.addAll(List.of(WIDGET_SECRET, sig));
            try (TestWidgetClient c = TestWidgetClient.to(WIDGET_PORT).visitor("member-4711").param("sig", sig)
                    .open().awaitConnected()) {
                c.send("log-1", "你好").get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            String forgedSig = sig.substring(0, 60) + "0000";
            secrets.add(forgedSig);
            try (TestWidgetClient c = TestWidgetClient.to(WIDGET_PORT).visitor("member-4711")
                    .param("sig", forgedSig).open()) {
                assertThat(c.refused()).isTrue();
            }
            Thread.sleep(300);
        } finally {
            root.detachAppender(captured);
            xiaoer.setLevel(xiaoerLevel);
            captured.stop();
        }
        List<String> leaks = new ArrayList<>();
        for (ILoggingEvent e : captured.list) {
            String line = e.getLoggerName() + " " + e.getFormattedMessage() + " " + e.getMDCPropertyMap()
                    + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
            for (String s : secrets) {
                if (s != null && !s.isEmpty() && line.contains(s)) leaks.add(s.substring(0, 6) + "… in " + line);
            }
        }
        System.out.printf("[secrets-in-logs] %d log events checked against %d secrets: %d leaks%n",
                captured.list.size(), secrets.size(), leaks.size());
        assertThat(captured.list).as("the capture saw the app's logging").isNotEmpty();
        assertThat(leaks).isEmpty();
    }
}
