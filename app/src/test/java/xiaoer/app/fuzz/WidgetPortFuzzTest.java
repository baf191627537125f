package xiaoer.app.fuzz;

import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import xiaoer.app.security.SecurityTestBase;
import xiaoer.channels.widget.TestWidgetClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget port under malformed Engine.IO / socket.io traffic (seeded): over a raw WebSocket (random bytes, frames
 * beyond the limit, wrong opcodes and packet types, broken JSON, wrong types, binary, deep nesting, unicode and NUL)
 * and over HTTP long-polling (random bodies and queries, huge bodies, unknown sids). Afterwards the server still
 * answers a normal message with a bot reply, and nothing was stored but that probe's conversation.
 */
class WidgetPortFuzzTest extends SecurityTestBase {

    static final long SEED = 0x91D6_E709L;
    static final int WS_CASES = 900;
    static final int POLLING_CASES = 400;
    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

    /** The fuzz connects as these visitors; a socket.io CONNECT opens a conversation with a greeting by design. */
    static final String[] VISITORS = {"fz-a", "fz-b", "fz-c", "fz-d"};

    @Test
    void malformedTrafficLeavesTheServerUpAndTheStoreUnchanged() throws Exception {
        for (String v : VISITORS) {
            try (TestWidgetClient c = TestWidgetClient.to(WIDGET_PORT).visitor(v).open().awaitConnected()) {
                c.awaitMessages(1);
            }
        }
        Map<String, Long> before = counts();
        Random r = new Random(SEED);
        int wsOpened = 0;
        int wsRefused = 0;
        int wsClosedByServer = 0;
        for (int i = 0; i < WS_CASES; i++) {
            String query = r.nextInt(6) == 0 ? badQuery(r) : "visitor=" + VISITORS[r.nextInt(VISITORS.length)];
            try (RawWebSocket ws = RawWebSocket.open(WIDGET_PORT, query, 0)) {
                if (ws.handshakeStatus() != 101) {
                    wsRefused++;
                    continue;
                }
                wsOpened++;
                if (r.nextInt(5) > 0) ws.sendText("40");
                int frames = 1 + r.nextInt(3);
                for (int f = 0; f < frames; f++) wsCase(ws, r, i);
                if (ws.drain(5) < 0) wsClosedByServer++;
            } catch (IOException e) {
                wsClosedByServer++; // the server hung up mid-write: allowed
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int[] pollingByClass = new int[6];
        List<String> pollingFailures = new ArrayList<>();
        for (int i = 0; i < POLLING_CASES; i++) {
            int status = pollingCase(http, r, i);
            pollingByClass[Math.max(0, Math.min(5, status / 100))]++;
            if (status >= 500) pollingFailures.add("polling case " + i + " → " + status);
        }
        System.out.printf("[fuzz] widget port: %d WebSocket cases (%d opened, %d refused at the handshake, %d closed by "
                        + "the server) + %d long-polling cases (2xx %d, 4xx %d, 5xx %d), seed %d%n",
                WS_CASES, wsOpened, wsRefused, wsClosedByServer, POLLING_CASES, pollingByClass[2], pollingByClass[4],
                pollingByClass[5], SEED);
        assertThat(pollingFailures).as("server errors on long-polling").isEmpty();
        Thread.sleep(500); // queued lane work of the last cases
        assertThat(counts()).as("nothing stored by the fuzz").isEqualTo(before);

        // the legitimate probe: a normal message still gets its ack and a bot reply
        try (TestWidgetClient probe = TestWidgetClient.to(WIDGET_PORT).visitor("fz-probe").open().awaitConnected()) {
            JSONObject ack = probe.send("probe-1", "发什么快递").get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(ack.optBoolean("ok")).as("probe ack " + ack).isTrue();
            probe.awaitMessages(1, m -> "bot".equals(m.optString("from")));
        }
        Map<String, Long> after = counts();
        assertThat(after.get("conversations")).isEqualTo(before.get("conversations") + 1);
        assertThat(after.get("shop_orders")).isEqualTo(before.get("shop_orders"));
        assertThat(after.get("chat_events") - before.get("chat_events")).as("probe's message and replies")
                .isBetween(2L, 6L);
    }

    private static String badQuery(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> "";
            case 1 -> "visitor=" + "v".repeat(65);
            case 2 -> "visitor=a%00b";
            case 3 -> "visitor=ok&lastSeq=-1";
            case 4 -> "visitor=ok&lastSeq=abc&shop=a:b";
            case 5 -> "visitor=ok&sig=deadbeef";
            default -> "visitor=%E4%B8%AD%FF%FE&shop=" + "s".repeat(300);
        };
    }

    private static void wsCase(RawWebSocket ws, Random r, int i) throws IOException {
        String ack = r.nextBoolean() ? "" : String.valueOf(r.nextInt(1000));
        switch (r.nextInt(11)) {
            case 0 -> ws.sendFrame(0x1, Fuzz.randomBytes(r, 1 + r.nextInt(300)), true); // invalid UTF-8 text
            case 1 -> ws.sendBinary(Fuzz.randomBytes(r, 1 + r.nextInt(2000)));
            case 2 -> ws.sendText("42" + ack + "[\"message\",{\"clientMsgId\":5,\"text\":\""
                    + "x".repeat(65_000 + r.nextInt(200_000)) + "\"}]"); // beyond the 64 KiB frame limit
            case 3 -> ws.sendText(new String[] {"9", "7", "", "5", "6", "3probe", "2probe", "1", "0", "8", "4",
                    "44", "46[]", "49", "4x", "43", "45-[\"a\"]", "41/nope,"}[r.nextInt(18)]);
            case 4 -> ws.sendText("42" + ack + new String[] {"[\"message\",{", "[", "{\"a\":1}", "[\"message\"",
                    "[\"message\",{\"text\":\"x\"", "]]", "[\"message\",{\"clientMsgId\":\"a\",\"text\":\"b\"}"}[
                    r.nextInt(7)]);
            case 5 -> ws.sendText("42" + ack + "[\"" + new String[] {"message", "typing", "upload-token", "admin",
                    "__proto__", ""}[r.nextInt(6)] + "\"," + wrongMessage(r, i) + "]");
            case 6 -> ws.sendText("42" + ack + "[\"message\"," + "[".repeat(1 + r.nextInt(5_000))
                    + "]".repeat(r.nextInt(5_000)) + "]");
            case 7 -> ws.sendText("42" + ack + "[\"message\",{\"clientMsgId\":null,\"text\":\"\\u0000\u202E"
                    + Fuzz.randomUnicode(r, 30) + "\u0000\"}]");
            case 8 -> ws.sendFrame(new int[] {0x0, 0x3, 0x4, 0x5, 0x7, 0xB, 0xC, 0xF, 0x9, 0x8}[r.nextInt(10)],
                    Fuzz.randomBytes(r, r.nextInt(200)), r.nextBoolean()); // wrong opcodes, unfinished fragments
            case 9 -> ws.sendRaw(Fuzz.randomBytes(r, 1 + r.nextInt(100))); // not framed at all
            default -> ws.sendText("45" + ack + "-[\"message\",{\"_placeholder\":true,\"num\":" + r.nextInt() + "}]");
        }
    }

    /** Always invalid at the wire or for the engine: wrong types, blank or over-long text. */
    private static String wrongMessage(Random r, int i) {
        return switch (r.nextInt(9)) {
            case 0 -> "123";
            case 1 -> "null";
            case 2 -> "[1,2,3]";
            case 3 -> "{\"clientMsgId\":5,\"text\":\"x\"}";
            case 4 -> "{\"clientMsgId\":\"a\",\"text\":[1]}";
            case 5 -> "{\"clientMsgId\":\"\",\"text\":\"x\"}";
            case 6 -> "{\"clientMsgId\":\"" + "c".repeat(500) + "\",\"text\":\"x\"}";
            case 7 -> "{\"clientMsgId\":\"fz-blank-" + i + "\",\"text\":\"   \\u0000 \"}".replace("\\u0000", " ");
            default -> "{\"clientMsgId\":\"fz-long-" + i + "\",\"text\":\"" + "长".repeat(2_001) + "\"}";
        };
    }

    private int pollingCase(HttpClient http, Random r, int i) throws Exception {
        String base = "http://127.0.0.1:" + WIDGET_PORT + "/socket.io/";
        String sid = null;
        if (r.nextInt(4) > 0) {
            HttpResponse<String> open = http.send(HttpRequest.newBuilder(URI.create(base
                    + "?EIO=4&transport=polling&visitor=" + VISITORS[i % VISITORS.length])).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (open.statusCode() >= 500) return open.statusCode();
            if (open.statusCode() != 200) return open.statusCode();
            Matcher m = SID.matcher(open.body());
            if (m.find()) sid = m.group(1);
        }
        String query = switch (r.nextInt(6)) {
            case 0 -> "?EIO=3&transport=polling&sid=" + sid;
            case 1 -> "?EIO=4&transport=nope&sid=" + sid;
            case 2 -> "?EIO=4&transport=polling&sid=" + "0".repeat(r.nextInt(100));
            default -> "?EIO=4&transport=polling&sid=" + sid;
        };
        int kind = r.nextInt(8);
        byte[] body = switch (kind) {
            case 0 -> Fuzz.randomBytes(r, r.nextInt(500));
            case 1 -> ("42[\"message\"," + "x".repeat(70_000 + r.nextInt(100_000)) + "]")
                    .getBytes(StandardCharsets.UTF_8); // beyond the 64 KiB body limit
            case 2 -> ("40\u001e42[\"message\"," + wrongMessage(r, i) + "]\u001e4").getBytes(StandardCharsets.UTF_8);
            case 3 -> ("42[\"message\"," + Fuzz.jsonValue(r, 0) + "]").getBytes(StandardCharsets.UTF_8);
            case 4 -> "\u001e\u001e\u001e".getBytes(StandardCharsets.UTF_8);
            case 5 -> ("b" + java.util.Base64.getEncoder().encodeToString(Fuzz.randomBytes(r, 50)))
                    .getBytes(StandardCharsets.UTF_8);
            case 6 -> ("40\u001e42[\"message\",{\"clientMsgId\":\"x\",\"text\":" + notAString(r) + "}]")
                    .getBytes(StandardCharsets.UTF_8);
            default -> ("40\u001e" + new String(Fuzz.jsonBody(r, "42[\"typing\",{\"on\":1}]"),
                    StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        };
        String method = r.nextInt(10) == 0 ? "PUT" : "POST";
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + query))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "text/plain;charset=UTF-8")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() >= 500) {
                System.out.println("[fuzz] polling case " + i + " kind " + kind + " " + method + " " + query + " → "
                        + res.statusCode() + " " + res.body());
            }
            return res.statusCode();
        } catch (java.net.http.HttpTimeoutException e) {
            System.out.println("[fuzz] polling case " + i + " kind " + kind + " " + method + " " + query
                    + " body " + body.length + " bytes: no answer within 10 s");
            return 599;
        } catch (IOException e) {
            return 0; // the server hung up without an answer (e.g. a body beyond the limit): allowed
        }
    }

    /** A random JSON value that is not a string (a string text would be a valid message). */
    private static String notAString(Random r) {
        String v = Fuzz.jsonValue(r, 0);
        return v.startsWith("\"") ? "[" + v + "]" : v;
    }

    private Map<String, Long> counts() {
        return Map.of("conversations", count("conversations"), "chat_events", count("chat_events"),
                "shop_orders", count("shop_orders"));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
