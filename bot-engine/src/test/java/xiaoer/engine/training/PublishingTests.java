package xiaoer.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static xiaoer.engine.training.TrainingFixtures.setup;
import static xiaoer.engine.training.TrainingFixtures.shipping;
import static xiaoer.engine.training.TrainingFixtures.withAnswer;

import java.util.List;
import org.junit.jupiter.api.Test;
import xiaoer.kb.Decision;
import xiaoer.kb.Retrieval;

class PublishingTests {

    private static final String NEW_PHRASING = "你们家走啥物流公司";

    @Test
    void aPublishedPhrasingMatchesLiveWithoutARestart() {
        var s = setup(false);
        assertThat(s.live().retrieve(NEW_PHRASING, "zh").bestScriptId()).isNotEqualTo("shipping_courier");

        s.w().editor().addPhrasing("shipping_courier", NEW_PHRASING, "chen", null);
        // the draft answers already, the live base not yet
        RegressionCase c = s.w().cases().add(NEW_PHRASING, "zh", "shipping_courier", "chen");
        assertThat(s.w().cases().runAll()).singleElement().satisfies(r -> assertThat(r.pass()).isTrue());
        assertThat(s.live().retrieve(NEW_PHRASING, "zh").bestScriptId()).isNotEqualTo("shipping_courier");

        Release r = s.w().publisher().publish("物流新问法", "chen");

        assertThat(r.number()).isEqualTo(2);
        Retrieval live = s.live().retrieve(NEW_PHRASING, "zh");
        assertThat(live.decision()).isEqualTo(Decision.ANSWER);
        assertThat(live.bestScriptId()).isEqualTo("shipping_courier");
        assertThat(s.w().publisher().releases()).extracting(ReleaseSummary::number).containsExactly(2, 1);
        assertThat(s.w().audit().recent(10, null)).extracting(AuditEntry::action)
                .contains(AuditActions.RELEASE_PUBLISH, AuditActions.CASE_ADD, AuditActions.PHRASING_ADD);
        assertThat(c.id()).isPositive();
    }

    @Test
    void aFailingRegressionCaseBlocksPublishing() {
        var s = setup(false);
        s.w().cases().add("能开发票吗", "zh", "invoice", "chen");
        s.w().cases().add("量子力学的薛定谔方程怎么推导", "zh", null, "chen");
        // the trainer removes the phrasings the invoice case relies on
        var invoice = s.w().editor().get("invoice");
        s.w().editor().save(TrainingFixtures.withQuestions(invoice.script(), List.of("税务凭证")), invoice.version(),
                "chen", null);

        PublishCheck check = s.w().publisher().check();
        assertThat(check.ready()).isFalse();
        assertThat(check.failedCases()).isEqualTo(1);
        assertThatThrownBy(() -> s.w().publisher().publish("改发票", "chen"))
                .isInstanceOf(PublishBlockedException.class);
        assertThat(s.w().publisher().releases()).hasSize(1);
        assertThat(s.live().script("invoice").orElseThrow().questions()).contains("能开发票吗");
    }

    @Test
    void nothingToPublishAndMissingNoteAreRefused() {
        var s = setup(false);
        assertThat(s.w().publisher().check().blockers()).anyMatch(b -> b.contains("nothing changed"));
        s.w().editor().addPhrasing("invoice", "开个票", "chen", null);
        assertThatThrownBy(() -> s.w().publisher().publish("  ", "chen")).isInstanceOf(TrainingException.class);
    }

    @Test
    void approvalIsRequiredWhenConfiguredAndWithdrawnByAnyChange() {
        var s = setup(true);
        s.w().editor().addPhrasing("invoice", "开个票", "chen", null);
        assertThat(s.w().publisher().check().blockers()).anyMatch(b -> b.contains("approve"));
        assertThatThrownBy(() -> s.w().publisher().approve("chen", false)).isInstanceOf(TrainingException.class)
                .extracting(e -> ((TrainingException) e).code()).isEqualTo("forbidden");

        s.w().publisher().approve("wang", true);
        s.w().editor().addPhrasing("invoice", "开张票", "chen", null);
        assertThat(s.w().publisher().check().approved()).isFalse();

        s.w().publisher().approve("wang", true);
        Release r = s.w().publisher().publish("发票问法", "chen");
        assertThat(r.approvedBy()).isEqualTo("wang");
    }

    @Test
    void rollbackRepublishesAnOlderReleaseAndResetsTheDraft() {
        var s = setup(false);
        s.w().editor().addPhrasing("invoice", "开个票", "chen", null);
        s.w().publisher().publish("发票问法", "chen");
        assertThat(s.live().script("invoice").orElseThrow().questions()).contains("开个票");

        Release back = s.w().publisher().rollback(1, "问法有误", "chen", false);

        assertThat(back.number()).isEqualTo(3);
        assertThat(back.restoredFrom()).isEqualTo(1);
        assertThat(back.note()).contains("回滚到 #1").contains("问法有误");
        assertThat(s.live().script("invoice").orElseThrow().questions()).doesNotContain("开个票");
        assertThat(s.w().editor().get("invoice").script().questions()).doesNotContain("开个票");
        assertThat(s.w().publisher().compare("2", "3").changed()).singleElement()
                .satisfies(c -> assertThat(c.removedQuestions()).containsExactly("开个票"));
        assertThat(s.w().editor().unpublished().empty()).isTrue();
    }

    @Test
    void aFailedLiveSwapStoresNoRelease() {
        var s = setup(false);
        TrainingWorkspace broken = TrainingWorkspace.create(TrainingWorkspace.Ports.inMemory(s.store()), s.live(),
                scripts -> xiaoer.kb.KnowledgeBase.create(scripts, TrainingFixtures.lexical()), new xiaoer.kb.Linter(),
                TrainingSettings.defaults(), TrainingFixtures.CLOCK, r -> {
                    throw new IllegalStateException("other nodes unreachable");
                });
        broken.editor().addPhrasing("invoice", "开个票", "chen", null);
        assertThatThrownBy(() -> broken.publisher().publish("发票", "chen")).isInstanceOf(IllegalStateException.class);
        assertThat(broken.publisher().releases()).hasSize(1);
    }

    @Test
    void diffNamesAddedRemovedAndChangedFields() {
        var s = setup(false);
        s.w().editor().save(withAnswer(shipping(), "亲,默认发中通快递,顺丰需补差价~"),
                s.w().editor().get("shipping_courier").version(), "chen", null);
        s.w().editor().delete("size_guide", "chen");
        ScriptDiff d = s.w().publisher().compare("latest", "draft");
        assertThat(d.removed()).containsExactly("size_guide");
        assertThat(d.changed()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("shipping_courier");
            assertThat(c.fields()).containsExactly("answer");
        });
    }
}
