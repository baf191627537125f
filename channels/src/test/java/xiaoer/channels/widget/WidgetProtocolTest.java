package xiaoer.channels.widget;

import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.Sender;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The widget protocol (ARCHITECTURE.md) end to end: real netty-socketio server, real socket.io v4 client. */
class WidgetProtocolTest {

    private WidgetFixture fx;

    @BeforeEach
    void start() {
        fx = new WidgetFixture();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private static JSONObject ack(CompletableFuture<JSONObject> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void connectGreetsAtOnceWithSeqOneAndTheMenu() throws Exception {
        try (TestWidgetClient c = fx.client("v-greet").open().awaitConnected()) {
            JSONObject greeting = c.awaitMessages(1).get(0);
            assertThat(greeting.getLong("seq")).isEqualTo(1);
            assertThat(greeting.getString("from")).isEqualTo("bot");
            assertThat(greeting.getString("text")).contains("欢迎光临");
            assertThat(greeting.getString("conversationId")).isNotBlank();
            assertThat(greeting.getString("at")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(greeting.getJSONArray("quickReplies").length()).isGreaterThan(0);
            assertThat(greeting.getJSONArray("quickReplies").getJSONObject(0).getString("label")).isNotBlank();
            Thread.sleep(200);
            assertThat(c.messages()).hasSize(1); // the live publish and the replay of the greeting overlap: sent once
        }
    }

    @Test
    void aFirstVisitIsGreetedInThePagesLanguageAndAnUnknownOneIsIgnored() throws Exception {
        try (TestWidgetClient c = fx.client("v-page-en").param("lang", "en-GB").open().awaitConnected()) {
            JSONObject greeting = c.awaitMessages(1).get(0);
            assertThat(greeting.getString("text")).contains("welcome").doesNotContain("欢迎");
            assertThat(greeting.getJSONArray("quickReplies").getJSONObject(0).getString("label")).isEqualTo("Track my order");
        }
        try (TestWidgetClient c = fx.client("v-page-fr").param("lang", "fr-FR").open().awaitConnected()) {
            assertThat(c.awaitMessages(1).get(0).getString("text")).contains("欢迎光临");
        }
        try (TestWidgetClient c = fx.client("v-page-junk").param("lang", "<script>" + "x".repeat(100))
                .open().awaitConnected()) {
            assertThat(c.awaitMessages(1).get(0).getString("text")).contains("欢迎光临");
        }
    }

    @Test
    void pollingThenUpgradeWorksToo() throws Exception {
        try (TestWidgetClient c = fx.client("v-poll").pollingFirst().open().awaitConnected()) {
            assertThat(c.awaitMessages(1).get(0).getLong("seq")).isEqualTo(1);
            JSONObject a = ack(c.send("p-1", "你好"));
            assertThat(a.getBoolean("ok")).isTrue();
            assertThat(a.getLong("seq")).isEqualTo(2);
        }
    }

    @Test
    void messageIsAckedOnlyAfterItIsStored() throws Exception {
        try (TestWidgetClient c = fx.client("v-store").open().awaitConnected()) {
            c.awaitMessages(1);
            JSONObject a = ack(c.send("m-1", "尺码怎么选"));
            assertThat(a.getBoolean("ok")).isTrue();
            assertThat(a.getLong("seq")).isEqualTo(2);
            // the ack means stored: the row is there (nothing could still be in flight for it)
            assertThat(fx.stored("v-store")).anySatisfy(e -> {
                assertThat(e.seq()).isEqualTo(2);
                assertThat(e.from()).isEqualTo(Sender.SHOPPER);
                assertThat(e.text()).isEqualTo("尺码怎么选");
                assertThat(e.clientMsgId()).isEqualTo("m-1");
            });
            assertThat(fx.counter("xiaoer.widget.acks", "result", "ok")).isEqualTo(1);
        }
    }

    @Test
    void botReplyComesAfterTheAckWithALargerSeq() throws Exception {
        assumeTrue(fx.botReady, "knowledge base / linter not built yet");
        try (TestWidgetClient c = fx.client("v-reply").open().awaitConnected()) {
            c.awaitMessages(1);
            JSONObject a = ack(c.send("m-1", "发什么快递"));
            long ackSeq = a.getLong("seq");
            JSONObject reply = c.awaitMessages(1, m -> m.optLong("seq") > ackSeq).get(0);
            assertThat(reply.getString("from")).isIn("bot", "system");
            assertThat(reply.getString("text")).contains("中通");
            long replySeq = reply.getLong("seq");
            List<TestWidgetClient.Arrival> log = c.log();
            int ackAt = indexOf(log, x -> x.kind().equals("ack") && "m-1".equals(x.clientMsgId()));
            int replyAt = indexOf(log, x -> x.kind().equals("message") && x.body().optLong("seq") == replySeq);
            assertThat(ackAt).isLessThan(replyAt);
            // the shopper's own message is not echoed live
            assertThat(c.messages()).noneMatch(m -> "shopper".equals(m.optString("from")));
        }
    }

    @Test
    void repeatedClientMsgIdIsAckedWithTheSameSeqAndStoredOnce() throws Exception {
        try (TestWidgetClient c = fx.client("v-dup").open().awaitConnected()) {
            c.awaitMessages(1);
            JSONObject first = ack(c.send("same-id", "材质是什么"));
            JSONObject again = ack(c.send("same-id", "材质是什么"));
            assertThat(first.getBoolean("ok")).isTrue();
            assertThat(again.getBoolean("ok")).isTrue();
            assertThat(again.getLong("seq")).isEqualTo(first.getLong("seq"));
            assertThat(fx.stored("v-dup").stream().filter(e -> "same-id".equals(e.clientMsgId()))).hasSize(1);
            assertThat(fx.counter("xiaoer.widget.acks", "result", "duplicate")).isEqualTo(1);
        }
        // a resend after a reconnect (new socket, same clientMsgId) is de-duplicated too
        try (TestWidgetClient c = fx.client("v-dup").param("lastSeq", 99).open().awaitConnected()) {
            JSONObject again = ack(c.send("same-id", "材质是什么"));
            assertThat(again.getLong("seq")).isEqualTo(2);
            assertThat(fx.stored("v-dup").stream().filter(e -> "same-id".equals(e.clientMsgId()))).hasSize(1);
        }
    }

    @Test
    void reconnectWithLastSeqGetsExactlyTheMissedEventsInOrder() throws Exception {
        try (TestWidgetClient c = fx.client("v-replay").open().awaitConnected()) {
            c.awaitMessages(1);
            ack(c.send("r-1", "发什么快递"));
            ack(c.send("r-2", "尺码怎么选"));
            ack(c.send("r-3", "材质是什么"));
            if (fx.botReady) c.awaitMessages(4, m -> !"shopper".equals(m.optString("from")));
        }
        List<ChatEvent> all = fx.stored("v-replay");
        long lastSeq = 2; // the widget had the greeting and its first message
        List<Long> expected = all.stream().map(ChatEvent::seq).filter(s -> s > lastSeq).toList();
        assertThat(expected).isNotEmpty();
        try (TestWidgetClient c = fx.client("v-replay").param("lastSeq", lastSeq).open().awaitConnected()) {
            c.awaitMessages(expected.size());
            Thread.sleep(300); // nothing more may come
            List<Long> got = c.messages().stream().map(m -> m.optLong("seq")).toList();
            assertThat(got).containsExactlyElementsOf(expected);
            // the shopper's own messages are part of the replay, with their clientMsgId
            assertThat(c.messages()).anySatisfy(m -> {
                assertThat(m.getString("from")).isEqualTo("shopper");
                assertThat(m.getString("clientMsgId")).isEqualTo("r-2");
            });
        }
        // a widget that has everything gets nothing
        long max = all.get(all.size() - 1).seq();
        try (TestWidgetClient c = fx.client("v-replay").param("lastSeq", max).open().awaitConnected()) {
            Thread.sleep(300);
            assertThat(c.messages()).isEmpty();
        }
    }

    @Test
    void badMessagesAreRefusedWithAClearCodeAndStoreNothing() throws Exception {
        try (TestWidgetClient c = fx.client("v-bad").open().awaitConnected()) {
            c.awaitMessages(1);
            int before = fx.stored("v-bad").size();

            assertRefused(ack(c.send("b-1", "")), "empty");
            assertRefused(ack(c.send("b-2", "   ")), "empty");
            assertRefused(ack(c.send("b-3", "好".repeat(2001))), "too_long");
            assertRefused(ack(c.sendRaw("b-4", "just a string")), "bad_request");
            assertRefused(ack(c.sendRaw("b-5", new JSONObject().put("clientMsgId", "x"))), "bad_request");
            assertRefused(ack(c.sendRaw("b-6", new JSONObject().put("clientMsgId", "x").put("text", 42))), "bad_request");
            assertRefused(ack(c.sendRaw("b-7", new JSONObject().put("text", "你好"))), "bad_request");
            assertRefused(ack(c.sendRaw("b-8", new JSONObject().put("clientMsgId", "y".repeat(101)).put("text", "你好"))),
                    "bad_request");
            assertRefused(ack(c.sendRaw("b-9", 12345)), "bad_request");

            assertThat(fx.stored("v-bad")).hasSize(before);
            // exactly 2,000 characters is still fine
            assertThat(ack(c.send("b-ok", "好".repeat(2000))).getBoolean("ok")).isTrue();
        }
    }

    private static void assertRefused(JSONObject ack, String code) throws Exception {
        assertThat(ack.getBoolean("ok")).isFalse();
        assertThat(ack.getString("error")).isEqualTo(code);
        assertThat(ack.getString("message")).isNotBlank();
    }

    @Test
    void oneVisitorsMessagesKeepTheirOrderUnderConcurrency() throws Exception {
        int n = 30;
        try (TestWidgetClient c = fx.client("v-order").open().awaitConnected()) {
            c.awaitMessages(1);
            List<CompletableFuture<JSONObject>> acks = new ArrayList<>();
            for (int i = 0; i < n; i++) acks.add(c.send("o-" + i, i % 2 == 0 ? "发什么快递" : "尺码怎么选"));
            long previous = 0;
            List<Long> ackSeqs = new ArrayList<>();
            for (CompletableFuture<JSONObject> f : acks) {
                JSONObject a = ack(f);
                assertThat(a.getBoolean("ok")).isTrue();
                assertThat(a.getLong("seq")).isGreaterThan(previous);
                previous = a.getLong("seq");
                ackSeqs.add(previous);
            }
            // stored in the order sent
            List<String> storedIds = fx.stored("v-order").stream()
                    .filter(e -> e.from() == Sender.SHOPPER).map(ChatEvent::clientMsgId).toList();
            List<String> sentIds = new ArrayList<>();
            for (int i = 0; i < n; i++) sentIds.add("o-" + i);
            assertThat(storedIds).containsExactlyElementsOf(sentIds);
            if (fx.botReady) {
                List<JSONObject> replies = c.awaitMessages(n, m -> m.optLong("seq") > 1);
                List<Long> replySeqs = replies.stream().map(m -> m.optLong("seq")).toList();
                assertThat(replySeqs).isSorted().doesNotHaveDuplicates();
                for (int i = 0; i < n; i++) {
                    // each answer directly follows its question: the lane stores, acks, answers, then takes the next
                    assertThat(replySeqs.get(i)).isEqualTo(ackSeqs.get(i) + 1);
                }
            }
        }
    }

    @Test
    void typingIsAccepted() throws Exception {
        try (TestWidgetClient c = fx.client("v-typing").open().awaitConnected()) {
            c.awaitMessages(1);
            c.emit("typing", new JSONObject().put("on", true));
            c.emit("typing", "garbage");
            assertThat(ack(c.send("t-1", "你好")).getBoolean("ok")).isTrue(); // still serving after odd input
        }
    }

    private static int indexOf(List<TestWidgetClient.Arrival> log,
                               java.util.function.Predicate<TestWidgetClient.Arrival> p) {
        for (int i = 0; i < log.size(); i++) if (p.test(log.get(i))) return i;
        throw new AssertionError("not found in " + log);
    }
}
