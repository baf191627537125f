package xiaoer.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import xiaoer.kb.eval.EvalReport;
import xiaoer.kb.eval.Evaluator;
import xiaoer.kb.eval.LabelledQuery;

/**
 * The regression suite: the shipped Chinese held-out test set through the builtin base with the shipped thresholds.
 * The floors are what the engine reaches today (docs/quality.md); the in-scope target (90 %) is not yet
 * met and is reported there honestly. A change that drops below these floors fails the build.
 */
class EvalTargetsTest {

    @Test
    void chineseHeldOutTestMeetsTheFloors() {
        KnowledgeBase kb = SharedKb.builtin();
        List<LabelledQuery> test = LabelledQuery.read(Path.of("src/test/resources/eval/zh-test.jsonl"));
        assertThat(test.size()).isGreaterThanOrEqualTo(250);
        EvalReport r = Evaluator.report(kb, Evaluator.run(kb, test, null), kb.metrics());
        assertThat(r.answeredWrongRate()).as("answered wrong").isLessThanOrEqualTo(0.03);
        assertThat(r.oosRecall()).as("hand-off recall").isGreaterThanOrEqualTo(0.80);
        assertThat(r.inScopeAccuracy()).as("in-scope accuracy").isGreaterThanOrEqualTo(0.78);
    }
}
