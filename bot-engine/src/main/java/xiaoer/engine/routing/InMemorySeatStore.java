package xiaoer.engine.routing;

import java.util.concurrent.atomic.AtomicReference;

/** The roster for tests and the embedded default. */
public final class InMemorySeatStore implements SeatStore {

    private final AtomicReference<SeatRoster> roster = new AtomicReference<>(SeatRoster.EMPTY);

    @Override
    public SeatRoster load() {
        return roster.get();
    }

    @Override
    public boolean replace(SeatRoster expected, SeatRoster updated) {
        SeatRoster now = roster.get();
        return now.version() == expected.version() && roster.compareAndSet(now, updated);
    }
}
