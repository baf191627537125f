package xiaoer.app.e2e;

import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import xiaoer.channels.widget.TestWidgetClient;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The widget protocol against the real application and its database: what is acked is stored, exactly once. */
class WidgetProtocolEndToEndTest extends EndToEndTestBase {

    private record AckAndRows(JSONObject ack, int rows) {
    }

    @Test
    void theStoredRowExistsWhenTheAckArrivesAndARepeatIsStoredOnce() throws Exception {
        String visitor = "e2e-" + UUID.randomUUID();
        try (TestWidgetClient shopper = TestWidgetClient.to(WIDGET_PORT).visitor(visitor).open().awaitConnected()) {
            JSONObject greeting = shopper.awaitMessages(1).get(0);
            assertThat(greeting.getString("from")).isEqualTo("bot");
            assertThat(greeting.getLong("seq")).isEqualTo(1);

            // the database is read in the ack callback itself: the row must be committed before the ack is sent
            AckAndRows first = shopper.send("c-1", "发什么快递")
                    .thenApply(ack -> new AckAndRows(ack, rows(visitor, "c-1"))).get(10, TimeUnit.SECONDS);
            assertThat(first.ack().getBoolean("ok")).isTrue();
            assertThat(first.rows()).isEqualTo(1);

            JSONObject again = shopper.send("c-1", "发什么快递").get(10, TimeUnit.SECONDS);
            assertThat(again.getLong("seq")).isEqualTo(first.ack().getLong("seq"));
            assertThat(rows(visitor, "c-1")).isEqualTo(1);

            List<JSONObject> replies = shopper.awaitMessages(1, m -> m.optLong("seq") > first.ack().optLong("seq"));
            assertThat(replies.get(0).getString("from")).isEqualTo("bot");
            assertThat(replies.get(0).getString("text")).contains("快递");
        }
    }

    @Test
    void aReconnectWithLastSeqGetsExactlyTheMissedEventsInOrder() throws Exception {
        String visitor = "e2e-" + UUID.randomUUID();
        long lastSeen;
        try (TestWidgetClient shopper = TestWidgetClient.to(WIDGET_PORT).visitor(visitor).open().awaitConnected()) {
            shopper.awaitMessages(1);
            JSONObject ack = shopper.send("r-1", "有货吗").get(10, TimeUnit.SECONDS);
            shopper.awaitMessages(1, m -> m.optLong("seq") > ack.optLong("seq"));
            lastSeen = ack.getLong("seq") - 1; // pretend the shopper's own message and the reply were missed
        }
        try (TestWidgetClient back = TestWidgetClient.to(WIDGET_PORT).visitor(visitor).param("lastSeq", lastSeen).open()
                .awaitConnected()) {
            long stored = jdbc.queryForObject("select count(*) from chat_events where visitor_id = ? and seq > ? "
                    + "and internal = false", Long.class, visitor, lastSeen);
            List<JSONObject> missed = back.awaitMessages((int) stored);
            Thread.sleep(300); // nothing more may follow
            assertThat(back.messages()).hasSize((int) stored);
            assertThat(missed.stream().map(m -> m.optLong("seq")).toList())
                    .isSortedAccordingTo(Long::compare).first().isEqualTo(lastSeen + 1);
            assertThat(missed.get(0).getString("from")).isEqualTo("shopper");
        }
    }

    @Test
    void oversizedEmptyAndMalformedMessagesAreRefusedAndChangeNothing() throws Exception {
        String visitor = "e2e-" + UUID.randomUUID();
        try (TestWidgetClient shopper = TestWidgetClient.to(WIDGET_PORT).visitor(visitor).open().awaitConnected()) {
            shopper.awaitMessages(1);
            long before = events(visitor);
            CompletableFuture<JSONObject> tooLong = shopper.send("x-1", "好".repeat(2001));
            CompletableFuture<JSONObject> empty = shopper.send("x-2", "   ");
            CompletableFuture<JSONObject> notAnObject = shopper.sendRaw("x-3", "just a string");
            CompletableFuture<JSONObject> wrongType = shopper.sendRaw("x-4", new JSONObject().put("clientMsgId", "x-4")
                    .put("text", 42));
            assertThat(tooLong.get(10, TimeUnit.SECONDS).getString("error")).isEqualTo("too_long");
            assertThat(empty.get(10, TimeUnit.SECONDS).getString("error")).isEqualTo("empty");
            assertThat(notAnObject.get(10, TimeUnit.SECONDS).getString("error")).isEqualTo("bad_request");
            assertThat(wrongType.get(10, TimeUnit.SECONDS).getString("error")).isEqualTo("bad_request");
            for (CompletableFuture<JSONObject> f : List.of(tooLong, empty, notAnObject, wrongType)) {
                assertThat(f.get().getBoolean("ok")).isFalse();
                assertThat(f.get().getString("message")).isNotBlank();
            }
            assertThat(events(visitor)).isEqualTo(before);
        }
    }

    private int rows(String visitor, String clientMsgId) {
        return jdbc.queryForObject("select count(*) from chat_events where visitor_id = ? and client_msg_id = ?",
                Integer.class, visitor, clientMsgId);
    }

    private long events(String visitor) {
        return jdbc.queryForObject("select count(*) from chat_events where visitor_id = ?", Long.class, visitor);
    }
}
