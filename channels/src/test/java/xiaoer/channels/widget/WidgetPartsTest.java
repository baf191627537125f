package xiaoer.channels.widget;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The small parts on their own: lanes, rate limiter, seq window, payload checks, CONNECT detection. */
class WidgetPartsTest {

    @Test
    void aFullLaneRefusesInsteadOfBlocking() throws Exception {
        SerialLanes lanes = new SerialLanes(1, 2, "test-lane");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        assertThat(lanes.submit("k", () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })).isTrue();
        started.await(5, TimeUnit.SECONDS);
        assertThat(lanes.submit("k", () -> { })).isTrue();
        assertThat(lanes.submit("k", () -> { })).isTrue();
        assertThat(lanes.queued()).isEqualTo(2);
        assertThat(lanes.submit("k", () -> { })).isFalse(); // full: the caller acks "busy"
        release.countDown();
        lanes.shutdown(5_000);
    }

    @Test
    void rateLimiterRefillsOverTheMinute() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(2, now::get);
        assertThat(limiter.tryAcquire("v")).isTrue();
        assertThat(limiter.tryAcquire("v")).isTrue();
        assertThat(limiter.tryAcquire("v")).isFalse();
        assertThat(limiter.tryAcquire("other")).isTrue();
        now.addAndGet(TimeUnit.SECONDS.toNanos(30)); // half a minute refills one of two
        assertThat(limiter.tryAcquire("v")).isTrue();
        assertThat(limiter.tryAcquire("v")).isFalse();
        assertThat(new RateLimiter(0).tryAcquire("x")).isTrue();
    }

    @Test
    void deliveredSeqsSendEachSeqOnceAndNothingBelowLastSeq() {
        DeliveredSeqs seqs = new DeliveredSeqs(3, 5);
        assertThat(seqs.markNew(5)).isFalse();
        assertThat(seqs.markNew(7)).isTrue();
        assertThat(seqs.markNew(6)).isTrue(); // out of order is fine
        assertThat(seqs.markNew(7)).isFalse();
        assertThat(seqs.markNew(8)).isTrue();
        assertThat(seqs.markNew(9)).isTrue(); // window full: 6 falls below the floor
        assertThat(seqs.markNew(6)).isFalse();
    }

    @Test
    void payloadShapesAreCheckedStrictly() {
        assertThat(WirePayloads.parseMessage(Map.of("clientMsgId", "a", "text", "hi"))).isNotNull();
        assertThat(WirePayloads.parseMessage(Map.of("clientMsgId", "a", "text", ""))).isNotNull(); // engine: "empty"
        assertThat(WirePayloads.parseMessage("text")).isNull();
        assertThat(WirePayloads.parseMessage(null)).isNull();
        assertThat(WirePayloads.parseMessage(List.of("a"))).isNull();
        assertThat(WirePayloads.parseMessage(Map.of("clientMsgId", 1, "text", "hi"))).isNull();
        assertThat(WirePayloads.parseMessage(Map.of("clientMsgId", " ", "text", "hi"))).isNull();
        assertThat(WirePayloads.parseMessage(Map.of("clientMsgId", "a", "text", List.of()))).isNull();
        assertThat(WirePayloads.parseTyping(Map.of("on", true))).isTrue();
        assertThat(WirePayloads.parseTyping(Map.of("on", "yes"))).isNull();
    }

    @Test
    void detectsTheSocketIoConnectPacket() {
        assertThat(connect("40")).isTrue();
        assertThat(connect("40{\"token\":\"x\"}")).isTrue();
        assertThat(connect("2\u001e40")).isTrue(); // polling payload: ping then CONNECT
        assertThat(connect("42[\"message\",{\"text\":\"40\"}]")).isFalse();
        assertThat(connect("3")).isFalse();
        assertThat(connect("")).isFalse();
    }

    private static boolean connect(String s) {
        return ConnectPacketWatch.containsConnect(Unpooled.copiedBuffer(s, StandardCharsets.UTF_8));
    }
}
