package xiaoer.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import xiaoer.kb.eval.LabelledQuery;
import xiaoer.kb.eval.Tuner;

/**
 * {@code --tune} on a base whose scripts carry translations: the English entries are matched and calibrated under
 * their scripts' ids (the index's entry ordinals are not the scripts' positions).
 */
class TunerTest {

    @Test
    void tunesTheEnglishOfTheStarterBaseUnderTheScriptsIds() {
        KnowledgeBase kb = KnowledgeBase.create(KnowledgeBase.builtinScripts()); // its thresholds change below
        List<LabelledQuery> english = List.of(
                new LabelledQuery("which delivery company do you ship with", "shipping.carrier"),
                new LabelledQuery("can I send it back for a refund", "aftersales.return"),
                new LabelledQuery("where's my package right now", "order.track"),
                new LabelledQuery("please get me a real person", "human"),
                new LabelledQuery("what's the capital of Peru", null),
                new LabelledQuery("do you have a loyalty card", null));
        assertThat(Tuner.language(english)).isEqualTo("en");
        try {
            Thresholds tuned = Tuner.tune(kb, english, null);
            kb.setThresholds("en", tuned);
            for (LabelledQuery q : english.subList(0, 4)) {
                assertThat(kb.retrieve(q.text(), null).bestScriptId()).as(q.text()).isEqualTo(q.gold());
            }
            assertThat(kb.retrieve("what's the capital of Peru", null).decision()).isEqualTo(Decision.HANDOFF);
            assertThat(kb.thresholds("zh")).as("Chinese untouched").isEqualTo(Thresholds.defaults("zh"));
        } finally {
            kb.close();
        }
    }
}
