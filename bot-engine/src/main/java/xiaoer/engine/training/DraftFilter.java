package xiaoer.engine.training;

import java.time.Instant;

/**
 * Which draft scripts a trainer wants to see. Null fields don't filter.
 *
 * @param query        text found in the id, category, tags, phrasings or answer (case-insensitive)
 * @param unpublished  true: only scripts added or changed since the latest release
 * @param changedSince only scripts saved at or after this instant
 * @param limit        at most this many items (the total is still counted)
 */
public record DraftFilter(String query, String category, String lang, String tag, Boolean unpublished,
                          Instant changedSince, int limit) {

    public static DraftFilter all() {
        return new DraftFilter(null, null, null, null, null, null, Integer.MAX_VALUE);
    }
}
