package xiaoer.app.fuzz;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import xiaoer.app.security.SecurityTestBase;
import xiaoer.console.testing.StaffLogin;
import xiaoer.engine.shop.ShopApiKey;
import xiaoer.engine.shop.ShopApiKeys;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST APIs over real HTTP with broken input (seeded): random JSON shapes, wrong types, huge strings, invalid
 * UTF-8, odd path variables and query values, for the public bot API, the console and trainer APIs (logged in, with
 * CSRF) and the shop API (valid key). Every answer is below 500, every error a JSON body with {@code error}, and no
 * conversation, chat event or order is stored.
 */
class RestApiFuzzTest extends SecurityTestBase {

    static final long SEED = 0xF022_0009L;
    static final int CASES = 900;

    @Autowired
    ShopApiKeys keys;

    record Target(String method, String path, String validBody, String who) {
    }

    static final List<Target> TARGETS = List.of(
            new Target("POST", "/api/bot/explain", "{\"text\":\"发什么快递\",\"lang\":\"zh\",\"history\":[\"你好\"]}", null),
            new Target("POST", "/api/lint", "{\"text\":\"亲，支持7天无理由退换货哦\"}", null),
            new Target("POST", "/api/console/conversations/{v}/reply", "{\"text\":\"您好\"}", "agent"),
            new Target("POST", "/api/console/conversations/{v}/note", "{\"text\":\"备注\"}", "agent"),
            new Target("POST", "/api/console/conversations/{v}/typing", "{\"on\":true}", "agent"),
            new Target("GET", "/api/console/conversations/{v}/events?after={q}", null, "agent"),
            new Target("POST", "/api/trainer/scripts/check",
                    "{\"script\":{\"id\":\"a\",\"lang\":\"zh\",\"questions\":[\"q\"],\"answer\":\"a\"}}", "trainer"),
            new Target("GET", "/api/trainer/scripts?limit={q}&q={q}", null, "trainer"),
            new Target("PUT", "/api/shop/orders/{v}", "{\"buyerId\":\"b1\",\"status\":\"FUZZ\",\"items\":[{\"sku\":\"s\","
                    + "\"name\":\"n\",\"qty\":1,\"unitPrice\":1}],\"total\":1,\"placedAt\":\"2024-01-01T00:00:00+08:00\"}",
                    "shop"),
            new Target("POST", "/api/shop/orders/FZ-NONE-{v}/shipments", "{\"carrier\":\"SF\",\"trackingNo\":\"1\","
                    + "\"at\":\"2024-01-01T00:00:00+08:00\",\"status\":\"IN_TRANSIT\"}", "shop"));

    @Test
    void brokenRequestsGetClearJsonErrorsAndStoreNothing() throws Exception {
        Map<String, Long> before = counts();
        String apiKey = ShopApiKey.generate();
        keys.add("default", ShopApiKey.hash(apiKey), "fuzz", Instant.now());
        StaffLogin agent = StaffLogin.as(httpPort, "agent", "agent123");
        StaffLogin trainer = StaffLogin.as(httpPort, "trainer", "trainer123");
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Random r = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int[] byClass = new int[6];
        for (int i = 0; i < CASES; i++) {
            Target t = TARGETS.get(r.nextInt(TARGETS.size()));
            String path = t.path().replace("{v}", enc(r.nextInt(3) == 0 ? "nope-" + i
                    : Fuzz.randomUnicode(r, 1 + r.nextInt(40)))).replace("{q}",
                    enc(r.nextBoolean() ? Fuzz.ODD_STRINGS[r.nextInt(Fuzz.ODD_STRINGS.length)] : String.valueOf(r.nextLong())));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .timeout(Duration.ofSeconds(20)).header("Accept", "application/json");
            if (t.validBody() != null) {
                // the order's status FUZZ is never valid, so no mutation turns it into a storable order
                byte[] body = Fuzz.jsonBody(r, t.validBody());
                String type = switch (r.nextInt(6)) {
                    case 0 -> "text/plain";
                    case 1 -> "application/json; charset=ISO-8859-1";
                    case 2 -> "application/x-www-form-urlencoded";
                    default -> "application/json";
                };
                b.header("Content-Type", type).method(t.method(), HttpRequest.BodyPublishers.ofByteArray(body));
            } else {
                b.GET();
            }
            HttpClient client = plain;
            if ("agent".equals(t.who())) {
                client = agent.http;
                b.header(agent.csrfHeader, agent.csrfToken);
            } else if ("trainer".equals(t.who())) {
                client = trainer.http;
                b.header(trainer.csrfHeader, trainer.csrfToken);
            } else if ("shop".equals(t.who())) {
                b.header("X-Api-Key", apiKey);
            }
            HttpResponse<String> res = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            int s = res.statusCode();
            byClass[Math.min(5, s / 100)]++;
            String ct = res.headers().firstValue("Content-Type").orElse("");
            if (s >= 500) {
                failures.add(t.method() + " " + t.path() + " → " + s + " " + res.body());
            } else if (s == 400 && ct.startsWith("text/html") && containerRefuses(path)) {
                byClass[0]++; // Tomcat refuses the URL before the app (encoded '/', '\\' or NUL): its own 400 page
            } else if (s >= 400 && (!ct.contains("json") || !res.body().contains("\"error\""))) {
                failures.add(t.method() + " " + t.path() + " → " + s + " without a JSON error: " + ct + " "
                        + res.body().substring(0, Math.min(200, res.body().length())));
            } else if (s < 300 && t.who() != null && t.who().equals("shop")) {
                failures.add("shop API accepted a broken order: " + res.body());
            }
        }
        System.out.printf("[fuzz] REST APIs: %d cases (seed %d): 2xx %d, 4xx %d (%d of them Tomcat's URL refusal),"
                + " 5xx %d%n", CASES, SEED, byClass[2], byClass[4], byClass[0], byClass[5]);
        assertThat(failures.stream().distinct().limit(20).toList()).as("broken answers").isEmpty();
        assertThat(counts()).as("stored rows").isEqualTo(before);
    }

    private static boolean containerRefuses(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return p.contains("%2F") || p.contains("%5C") || p.contains("%00");
    }

    private Map<String, Long> counts() {
        return Map.of("conversations", count("conversations"), "chat_events", count("chat_events"),
                "shop_orders", count("shop_orders"));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
