package xiaoer.engine.training;

import java.util.List;
import java.util.SortedSet;

/**
 * One page of the editor's list, and the values its filters offer.
 *
 * @param total      scripts matching the filter (items may be fewer: the limit)
 * @param removed    ids in the latest release that the draft no longer has
 */
public record DraftListing(List<ScriptSummary> items, int total, SortedSet<String> categories,
                           SortedSet<String> tags, SortedSet<String> langs, List<String> removed) {
}
