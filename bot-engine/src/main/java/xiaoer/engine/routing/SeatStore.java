package xiaoer.engine.routing;

/**
 * Port: where the {@link SeatBoard} keeps its roster. A change is a compare-and-set of the whole roster on its
 * version, so rules over several seats (at most two away, a deputy on duty) hold however many nodes change seats at
 * once. In memory by default; Redis in cluster mode, so every node routes to the same seats.
 */
public interface SeatStore {

    SeatRoster load();

    /** Stores {@code updated} when the stored roster still has {@code expected}'s version; false otherwise. */
    boolean replace(SeatRoster expected, SeatRoster updated);
}
