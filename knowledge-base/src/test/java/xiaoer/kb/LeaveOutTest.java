package xiaoer.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import xiaoer.kb.index.Evidence;
import xiaoer.kb.index.LeaveOut;

/** Leave-one-out matching (the tuner's calibration data) must really hide what it leaves out. */
class LeaveOutTest {

    private final KnowledgeBase kb = KnowledgeBase.create(List.of(
            new Script("en.track", "en", null, List.of("where is my parcel", "track my shipment", "parcel tracking number"),
                    "Here is your tracking link.", null, null, null, null),
            new Script("en.refund", "en", null, List.of("I want my money back", "refund my order", "track my refund"),
                    "Refunds take 3-5 days.", null, null, null, null)), KbOptions.lexicalOnly());

    private static double lexicalOf(Match m, int script) {
        return m.evidence().stream().filter(e -> e.script == script).mapToDouble(e -> e.lexical).findFirst().orElse(-1);
    }

    @Test
    void aPhrasingLeftOutIsNotMatchedAgainstItself() {
        Match all = kb.match("track my shipment", "en", false);
        assertThat(lexicalOf(all, 0)).isEqualTo(1.0);
        Match without = kb.leaveOutMatch(1, new LeaveOut(1, 2));
        assertThat(lexicalOf(without, 0)).isBetween(0.0, 0.99);
        assertThat(without.vocabulary()).as("'track' only occurs in the left-out phrasing").isLessThan(1.0);
    }

    @Test
    void aScriptLeftOutIsNeverACandidate() {
        Match m = kb.leaveOutMatch(1, new LeaveOut(0, 3));
        assertThat(m.evidence()).extracting((Evidence e) -> e.script).doesNotContain(0).contains(1);
    }
}
