package xiaoer.channels.widget;

import org.json.JSONObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Handshake checks, signed visitors, origins and rate limits. */
class WidgetSecurityTest {

    private static final String SECRET = "s3cret-默认";

    @Test
    void badVisitorIdsAndParamsAreRefusedAtTheHandshake() throws Exception {
        try (WidgetFixture fx = new WidgetFixture()) {
            assertThat(refused(TestWidgetClient.to(fx.port))).isTrue(); // no visitor
            assertThat(refused(fx.client(""))).isTrue();
            assertThat(refused(fx.client("a".repeat(65)))).isTrue();
            assertThat(refused(fx.client("bad visitor<script>"))).isTrue();
            assertThat(refused(fx.client("ok-visitor").param("shop", "bad:shop"))).isTrue();
            assertThat(refused(fx.client("ok-visitor").param("lastSeq", "-1"))).isTrue();
            assertThat(refused(fx.client("ok-visitor").param("lastSeq", "abc"))).isTrue();
            assertThat(refused(fx.client("Ok_visitor-1:2.3").param("lastSeq", "0"))).isFalse();
            assertThat(refused(fx.client("a".repeat(64)))).isFalse();
            assertThat(fx.counter("xiaoer.widget.handshakes.refused", "reason", "visitor")).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void aGoodSignatureMakesTheVisitorVerifiedAndABadOneIsRefused() throws Exception {
        try (WidgetFixture fx = new WidgetFixture(WidgetSettings.defaults().withRateLimits(0, 0),
                ShopSecrets.of(Map.of("default", SECRET)))) {
            String visitor = "visitor-42";
            String sig = VisitorSignature.sign(SECRET, visitor);
            // the same HMAC as Node's crypto.createHmac('sha256', secret).update(visitor).digest('hex') (load.js)
            assertThat(sig).isEqualTo("6ab7fbb351168c411f4731927c75d5fdacd3045a3028e05534287cc9242b22e4");

            assertThat(refused(fx.client(visitor).param("sig", sig.replace('6', '7')))).isTrue();
            assertThat(refused(fx.client(visitor).param("sig", "zz"))).isTrue();
            assertThat(refused(fx.client("someone-else").param("sig", sig))).isTrue();
            assertThat(fx.store.findOpen("default", visitor)).isEmpty(); // a refused handshake changes nothing

            try (TestWidgetClient c = fx.client(visitor).param("sig", sig.toUpperCase()).open().awaitConnected()) {
                c.awaitMessages(1);
                assertThat(fx.store.findOpen("default", visitor)).hasValueSatisfying(conv ->
                        assertThat(conv.verified()).isTrue());
            }
            try (TestWidgetClient c = fx.client("anonymous-1").open().awaitConnected()) {
                c.awaitMessages(1);
                assertThat(fx.store.findOpen("default", "anonymous-1")).hasValueSatisfying(conv ->
                        assertThat(conv.verified()).isFalse());
            }
        }
    }

    @Test
    void verifySignatureNeverThrowsOnOddInput() {
        assertThat(VisitorSignature.verify(SECRET, "v", null)).isFalse();
        assertThat(VisitorSignature.verify(SECRET, "v", "")).isFalse();
        assertThat(VisitorSignature.verify(SECRET, "v", "g".repeat(64))).isFalse();
        assertThat(VisitorSignature.verify(null, "v", "a".repeat(64))).isFalse();
        assertThat(VisitorSignature.verify(SECRET, "v", VisitorSignature.sign(SECRET, "v"))).isTrue();
    }

    @Test
    void onlyAllowedOriginsMayConnectWhenAnAllowListIsSet() throws Exception {
        WidgetSettings settings = WidgetSettings.defaults().withRateLimits(0, 0)
                .withAllowedOrigins(List.of("https://shop.example", "http://localhost:8080"));
        try (WidgetFixture fx = new WidgetFixture(settings)) {
            assertThat(refused(fx.client("o-1").origin("https://evil.example"))).isTrue();
            assertThat(refused(fx.client("o-2"))).isTrue(); // no Origin at all
            // connected, or the connect_error's reason in the failure
            connects(fx.client("o-3").origin("https://shop.example"));
            connects(fx.client("o-4").origin("http://localhost:8080").pollingFirst());
        }
    }

    @Test
    void messagesOverTheVisitorLimitAreRefusedWithAFriendlyText() throws Exception {
        try (WidgetFixture fx = new WidgetFixture(WidgetSettings.defaults().withRateLimits(5, 0));
             TestWidgetClient c = fx.client("rl-1").open().awaitConnected()) {
            c.awaitMessages(1);
            for (int i = 0; i < 5; i++) {
                assertThat(c.send("rl-" + i, "你好" + i).get(10, TimeUnit.SECONDS).getBoolean("ok")).isTrue();
            }
            JSONObject limited = c.send("rl-5", "你好").get(10, TimeUnit.SECONDS);
            assertThat(limited.getBoolean("ok")).isFalse();
            assertThat(limited.getString("error")).isEqualTo("rate_limited");
            assertThat(limited.getString("message")).contains("太快");
            assertThat(fx.stored("rl-1").stream().filter(e -> "rl-5".equals(e.clientMsgId()))).isEmpty();
            assertThat(fx.counter("xiaoer.widget.acks", "result", "rate_limited")).isEqualTo(1);
        }
    }

    @Test
    void anEnglishMessageOverTheLimitIsRefusedInEnglish() throws Exception {
        try (WidgetFixture fx = new WidgetFixture(WidgetSettings.defaults().withRateLimits(1, 0));
             TestWidgetClient c = fx.client("rl-en").open().awaitConnected()) {
            c.awaitMessages(1);
            assertThat(c.send("en-0", "Hello there").get(10, TimeUnit.SECONDS).getBoolean("ok")).isTrue();
            JSONObject limited = c.send("en-1", "Where is my parcel?").get(10, TimeUnit.SECONDS);
            assertThat(limited.getString("error")).isEqualTo("rate_limited");
            assertThat(limited.getString("message")).contains("too fast");
        }
    }

    @Test
    void messagesOverTheIpLimitAreRefusedAcrossVisitors() throws Exception {
        try (WidgetFixture fx = new WidgetFixture(WidgetSettings.defaults().withRateLimits(0, 3));
             TestWidgetClient a = fx.client("ip-a").open().awaitConnected();
             TestWidgetClient b = fx.client("ip-b").open().awaitConnected()) {
            assertThat(a.send("a-1", "你好").get(10, TimeUnit.SECONDS).getBoolean("ok")).isTrue();
            assertThat(b.send("b-1", "你好").get(10, TimeUnit.SECONDS).getBoolean("ok")).isTrue();
            assertThat(a.send("a-2", "你好").get(10, TimeUnit.SECONDS).getBoolean("ok")).isTrue();
            assertThat(b.send("b-2", "你好").get(10, TimeUnit.SECONDS).getString("error")).isEqualTo("rate_limited");
        }
    }

    private static void connects(TestWidgetClient.Builder builder) throws Exception {
        try (TestWidgetClient c = builder.open()) {
            c.awaitConnected();
        }
    }

    private static boolean refused(TestWidgetClient.Builder builder) throws Exception {
        try (TestWidgetClient c = builder.open()) {
            return c.refused();
        }
    }
}
