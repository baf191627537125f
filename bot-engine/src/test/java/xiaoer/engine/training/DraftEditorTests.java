package xiaoer.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static xiaoer.engine.training.TrainingFixtures.setup;
import static xiaoer.engine.training.TrainingFixtures.shipping;
import static xiaoer.engine.training.TrainingFixtures.withAnswer;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xiaoer.kb.Script;
import xiaoer.kb.Translation;

class DraftEditorTests {

    @Test
    void aScriptThatBreaksTheLintIsRefusedWithTheFieldAndFindings() {
        var s = setup(false);
        long v = s.w().editor().get("shipping_courier").version();
        assertThatThrownBy(() -> s.w().editor().save(withAnswer(shipping(), "中通快递,明天肯定到,这个我不知道"), v, "chen", null))
                .isInstanceOfSatisfying(ScriptRefusedException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.field()).isEqualTo("answer");
                            assertThat(p.findings()).isNotEmpty();
                        }));
        assertThat(s.w().editor().get("shipping_courier").version()).isEqualTo(v);
    }

    @Test
    void aVariantThatChangesALockedFactIsRefused() {
        var s = setup(false);
        Script s1 = shipping();
        Script changed = new Script(s1.id(), s1.lang(), s1.category(), s1.questions(), s1.answer(),
                Map.of("bargain", "亲,这单给您发圆通快递哦"), s1.facts(), s1.quickReplies(), s1.tags());
        assertThatThrownBy(() -> s.w().editor().save(changed, s.w().editor().get(s1.id()).version(), "chen", null))
                .isInstanceOfSatisfying(ScriptRefusedException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.field()).isEqualTo("variants.bargain")));
    }

    @Test
    void aTranslationIsCheckedLikeTheScriptAndAnEnglishPhrasingGoesToIt() {
        var s = setup(false);
        DraftEditor editor = s.w().editor();
        Script inv = editor.get("invoice").script();
        long v = editor.get("invoice").version();
        Script bad = inv.withTranslations(Map.of("en",
                new Translation(List.of("can I get an invoice"), "Sorry, I don't know.", null, null, null)));
        assertThatThrownBy(() -> editor.save(bad, v, "chen", null))
                .isInstanceOfSatisfying(ScriptRefusedException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.field()).isEqualTo("translations.en.answer");
                            assertThat(p.findings()).isNotEmpty();
                        }));
        Script empty = inv.withTranslations(Map.of("en", new Translation(List.of(), "We issue e-invoices.", null, null, null)));
        assertThatThrownBy(() -> editor.save(empty, v, "chen", null))
                .isInstanceOfSatisfying(ScriptRefusedException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.field()).isEqualTo("translations.en.questions")));
        assertThat(editor.get("invoice").version()).isEqualTo(v);

        editor.save(inv.withTranslations(Map.of("en", new Translation(List.of("can I get an invoice"),
                "Yes, we issue e-invoices.", null, null, null))), v, "chen", null);
        editor.addPhrasing("invoice", "need a VAT receipt for my company", "chen", null);
        editor.addPhrasing("invoice", "开个票", "chen", null);
        Script after = editor.get("invoice").script();
        assertThat(after.translations().get("en").questions())
                .containsExactly("can I get an invoice", "need a VAT receipt for my company");
        assertThat(after.questions()).contains("开个票").doesNotContain("need a VAT receipt for my company");
        assertThat(editor.unpublished().changed()).singleElement()
                .satisfies(c -> assertThat(c.fields()).contains("questions", "translations.en"));
        // the list finds it by its English and in English
        assertThat(editor.list(new DraftFilter("vat receipt", null, null, null, null, null, 50)).items())
                .extracting(ScriptSummary::id).containsExactly("invoice");
        assertThat(editor.list(new DraftFilter(null, null, "en", null, null, null, 50)).items())
                .singleElement().satisfies(i -> assertThat(i.languages()).containsExactly("zh", "en"));
        assertThat(editor.list(DraftFilter.all()).langs()).contains("zh", "en");
    }

    @Test
    void aStaleVersionIsAConflictAndANewIdMustBeNew() {
        var s = setup(false);
        long v = s.w().editor().get("invoice").version();
        s.w().editor().addPhrasing("invoice", "开个票", "chen", null);
        Script inv = s.w().editor().get("invoice").script();
        assertThatThrownBy(() -> s.w().editor().save(inv, v, "lin", null))
                .isInstanceOfSatisfying(TrainingException.class, e -> assertThat(e.code()).isEqualTo("conflict"));
        assertThatThrownBy(() -> s.w().editor().save(inv, null, "lin", null))
                .isInstanceOfSatisfying(TrainingException.class, e -> assertThat(e.code()).isEqualTo("conflict"));
    }

    @Test
    void listFiltersAndMarksUnpublishedChanges() {
        var s = setup(false);
        s.w().editor().addPhrasing("invoice", "开个票", "chen", null);
        DraftListing all = s.w().editor().list(DraftFilter.all());
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.categories()).contains("logistics", "after_sale");
        assertThat(all.items()).filteredOn(i -> i.id().equals("invoice")).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo("changed"));
        assertThat(s.w().editor().list(new DraftFilter("顺丰", null, null, null, null, null, 50)).items())
                .extracting(ScriptSummary::id).containsExactly("shipping_courier");
        assertThat(s.w().editor().list(new DraftFilter(null, null, null, null, true, null, 50)).items())
                .extracting(ScriptSummary::id).containsExactly("invoice");
        assertThat(s.w().editor().list(new DraftFilter(null, null, null, "尺码", null, null, 50)).items())
                .extracting(ScriptSummary::id).containsExactly("size_guide");
    }

    @Test
    void everyChangeIsAudited() {
        var s = setup(false);
        s.w().editor().addPhrasing("invoice", "开个票", "chen", List.of("c1:3"));
        s.w().editor().save(new Script("gift_wrap", "zh", "pre_sale", List.of("能包装成礼物吗"), "可以的,下单备注礼盒包装即可~",
                null, null, null, null), null, "chen", null);
        s.w().editor().delete("gift_wrap", "lin");
        assertThat(s.w().audit().recent(10, null)).extracting(AuditEntry::action, AuditEntry::actor).startsWith(
                org.assertj.core.groups.Tuple.tuple(AuditActions.SCRIPT_DELETE, "lin"),
                org.assertj.core.groups.Tuple.tuple(AuditActions.SCRIPT_CREATE, "chen"),
                org.assertj.core.groups.Tuple.tuple(AuditActions.PHRASING_ADD, "chen"));
        assertThat(s.store().handled(List.of("c1:3"))).containsExactly("c1:3");
    }
}
