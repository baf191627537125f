package xiaoer.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import xiaoer.kb.eval.EvalReport;
import xiaoer.kb.eval.Evaluator;
import xiaoer.kb.eval.LabelledQuery;
import xiaoer.kb.io.ScriptFiles;

/**
 * The regression suite: the shipped held-out test sets through the real engine with the SHIPPED thresholds (tuned
 * on the tune sets only). The floors are what the engine reaches today minus 2 points (docs/quality.md); the
 * issue's targets the engine does not yet reach are reported there honestly. A change below a floor fails the build.
 */
class EvalTargetsTest {

    @Test
    void chineseHeldOutTestMeetsTheFloors() {
        EvalReport r = run(SharedKb.builtin(), "zh-test", 300);
        assertThat(r.answeredWrongRate()).as("answered wrong").isLessThanOrEqualTo(0.03);
        assertThat(r.oosRecall()).as("hand-off recall").isGreaterThanOrEqualTo(0.85);
        assertThat(r.inScopeAccuracy()).as("in-scope accuracy").isGreaterThanOrEqualTo(0.86);
        assertThat(r.semanticShare()).as("share needing the embedding step").isLessThanOrEqualTo(0.72);
    }

    /** English shoppers on the starter base: its scripts' English translations (same ids as the Chinese). */
    @Test
    void englishOnTheStarterBaseMeetsTheFloors() {
        EvalReport r = run(SharedKb.builtin(), "en-starter-test", 120);
        assertThat(r.inScopeAccuracy()).as("in-scope accuracy").isGreaterThanOrEqualTo(0.94);
        assertThat(r.oosRecall()).as("hand-off recall").isGreaterThanOrEqualTo(0.73);
        assertThat(r.answeredWrongRate()).as("answered wrong").isLessThanOrEqualTo(0.10);
    }

    @Test
    void englishFewShotTestMeetsTheFloors() {
        KnowledgeBase kb = KnowledgeBase.create(ScriptFiles.read(Path.of("src/test/resources/eval/en-kb.jsonl")));
        try {
            EvalReport r = run(kb, "en-test", 140);
            assertThat(r.oosRecall()).as("hand-off recall").isGreaterThanOrEqualTo(0.78);
            assertThat(r.inScopeAccuracy()).as("in-scope accuracy").isGreaterThanOrEqualTo(0.84);
            assertThat(r.answeredWrongRate()).as("answered wrong").isLessThanOrEqualTo(0.125);
        } finally {
            kb.close();
        }
    }

    /** The shipped set {@code name} (at least {@code atLeast} lines) through {@code kb}; prints the figures. */
    private static EvalReport run(KnowledgeBase kb, String name, int atLeast) {
        List<LabelledQuery> test = LabelledQuery.read(Path.of("src/test/resources/eval/" + name + ".jsonl"));
        assertThat(test.size()).isGreaterThanOrEqualTo(atLeast);
        KbMetrics before = kb.metrics();
        EvalReport r = Evaluator.report(kb, Evaluator.run(kb, test, null), before);
        System.out.println(name + " " + r.fields());
        return r;
    }
}
