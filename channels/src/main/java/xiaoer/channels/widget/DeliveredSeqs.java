package xiaoer.channels.widget;

import java.util.TreeSet;

/**
 * The sequence numbers one socket was already sent, so replay and live delivery never send an event twice even when
 * they overlap or live events arrive out of order. Keeps a window of the last {@code capacity} seqs; anything below
 * the window counts as sent (the widget de-duplicates by seq as well).
 */
final class DeliveredSeqs {

    private final int capacity;
    private final TreeSet<Long> recent = new TreeSet<>();
    private long floor;

    DeliveredSeqs(int capacity, long alreadySeenUpTo) {
        this.capacity = capacity;
        this.floor = alreadySeenUpTo;
    }

    /** Marks the seq as sent; false when it had been sent already (or is below the window). */
    boolean markNew(long seq) {
        if (seq <= floor || !recent.add(seq)) return false;
        if (recent.size() > capacity) floor = recent.pollFirst();
        return true;
    }
}
