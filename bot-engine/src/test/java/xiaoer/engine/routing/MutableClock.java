package xiaoer.engine.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand. */
final class MutableClock extends Clock {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private volatile Instant now;

    MutableClock(Instant start) {
        this.now = start;
    }

    /** A clock at a local time in Shanghai, e.g. "2024-02-14T10:00". */
    static MutableClock at(String localDateTime) {
        return new MutableClock(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant());
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    void set(String localDateTime) {
        now = LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
