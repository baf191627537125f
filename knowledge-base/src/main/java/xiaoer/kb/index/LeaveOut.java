package xiaoer.kb.index;

/**
 * Phrasings {@code [from, to)} the index pretends not to have, for leave-one-out calibration: one phrasing (asked
 * as a message against its own script's other phrasings) or a whole script (its phrasings become out-of-scope
 * messages that sit close to the remaining topics). {@link #NONE} for normal matching.
 */
public record LeaveOut(int from, int to) {

    public static final LeaveOut NONE = new LeaveOut(-1, -1);

    public boolean excludes(int phrasing) {
        return phrasing >= from && phrasing < to;
    }
}
