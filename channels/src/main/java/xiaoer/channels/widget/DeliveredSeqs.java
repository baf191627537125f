package xiaoer.channels.widget;

/**
 * The sequence numbers one socket was already sent, so replay and live delivery never send an event twice even when
 * they overlap or live events arrive out of order. Keeps a window of the last {@code capacity} seqs; anything below
 * the window counts as sent (the widget de-duplicates by seq as well).
 *
 * <p>Kept as a sorted ring of primitive longs that grows from 4 entries as needed (8 bytes a seq; the TreeSet it
 * replaces took ~64 bytes a seq, up to 64 KB for a long-lived socket). Seqs nearly always arrive in increasing order,
 * which is an append; an out-of-order one is a binary search and a short shift.
 */
final class DeliveredSeqs {

    private final int capacity;
    private long[] ring = new long[4];
    private int head;
    private int size;
    private long floor;

    DeliveredSeqs(int capacity, long alreadySeenUpTo) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.capacity = capacity;
        this.floor = alreadySeenUpTo;
    }

    /** Marks the seq as sent; false when it had been sent already (or is below the window). */
    boolean markNew(long seq) {
        if (seq <= floor) return false;
        int at;
        if (size == 0 || get(size - 1) < seq) {
            at = size; // the usual case: newer than everything sent
        } else {
            int found = search(seq);
            if (found >= 0) return false; // sent already
            at = -found - 1;
        }
        if (size == ring.length) grow();
        for (int i = size; i > at; i--) set(i, get(i - 1));
        set(at, seq);
        size++;
        if (size > capacity) {
            floor = get(0);
            head = (head + 1) & (ring.length - 1);
            size--;
        }
        return true;
    }

    private long get(int i) {
        return ring[(head + i) & (ring.length - 1)];
    }

    private void set(int i, long value) {
        ring[(head + i) & (ring.length - 1)] = value;
    }

    /** Index of {@code seq}, or {@code -(insertion point) - 1}. */
    private int search(long seq) {
        int lo = 0, hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = get(mid);
            if (v < seq) lo = mid + 1;
            else if (v > seq) hi = mid - 1;
            else return mid;
        }
        return -lo - 1;
    }

    private void grow() {
        long[] bigger = new long[ring.length * 2];
        for (int i = 0; i < size; i++) bigger[i] = get(i);
        ring = bigger;
        head = 0;
    }
}
