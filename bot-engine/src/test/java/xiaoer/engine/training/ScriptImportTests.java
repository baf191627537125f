package xiaoer.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import xiaoer.kb.io.LineError;

class ScriptImportTests {

    @Test
    void previewListsEveryErrorWithItsLineAndApplyChangesNothing() {
        var s = TrainingFixtures.setup(false);
        String file = """
                {"id":"a","lang":"zh","questions":["你好"],"answer":"您好"}
                {"id":"b","lang":"xx","questions":[],"answer":"x"}
                not json
                """;
        ImportPlan plan = s.w().imports().preview(file, "jsonl", "replace");
        assertThat(plan.ok()).isFalse();
        assertThat(plan.errors()).extracting(LineError::line).contains(2, 3);
        assertThatThrownBy(() -> s.w().imports().apply(file, "jsonl", "replace", plan.draftRevision(), "chen"))
                .isInstanceOf(ImportRefusedException.class);
        assertThat(s.w().editor().scripts()).hasSize(3);
    }

    @Test
    void aCsvRoundTripPreviewsTheDiffAndAppliesOnConfirm() {
        var s = TrainingFixtures.setup(false);
        StringWriter csv = new StringWriter();
        ScriptImport.export(s.w().editor().scripts(), "csv", csv);
        String edited = csv.toString().replace("能开发票吗|", "能开发票吗|开个票吧|");

        ImportPlan plan = s.w().imports().preview(edited, "csv", "replace");
        assertThat(plan.ok()).isTrue();
        assertThat(plan.changes().changed()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("invoice");
            assertThat(c.addedQuestions()).containsExactly("开个票吧");
        });
        assertThat(s.w().editor().get("invoice").script().questions()).doesNotContain("开个票吧");

        s.w().imports().apply(edited, "csv", "replace", plan.draftRevision(), "chen");
        assertThat(s.w().editor().get("invoice").script().questions()).contains("开个票吧");
        assertThat(s.w().editor().get("size_guide").version()).isEqualTo(1);
    }

    @Test
    void aDraftThatMovedSinceThePreviewIsAConflict() {
        var s = TrainingFixtures.setup(false);
        String one = "{\"id\":\"faq\",\"lang\":\"zh\",\"questions\":[\"几点发货\"],\"answer\":\"下午四点前的订单当天发出~\"}\n";
        ImportPlan plan = s.w().imports().preview(one, "jsonl", "merge");
        assertThat(plan.changes().added()).containsExactly("faq");
        assertThat(plan.changes().removed()).isEmpty();
        s.w().editor().addPhrasing("invoice", "开个票", "lin", null);
        assertThatThrownBy(() -> s.w().imports().apply(one, "jsonl", "merge", plan.draftRevision(), "chen"))
                .isInstanceOfSatisfying(TrainingException.class, e -> assertThat(e.code()).isEqualTo("conflict"));
        assertThat(List.of(plan.mode())).containsExactly("merge");
    }
}
