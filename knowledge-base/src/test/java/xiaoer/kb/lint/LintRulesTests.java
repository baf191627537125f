package xiaoer.kb.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import xiaoer.kb.LintFinding;
import xiaoer.kb.Linter;

class LintRulesTests {

    private static LintRules read(String text) throws IOException {
        return LintRules.read(new StringReader(text));
    }

    @Test
    void aShopCanBringItsOwnRules() throws IOException {
        LintRules rules = read("""
                [forbidden 亲爱的]
                phrase = 亲爱的
                suggest = 亲
                suggest-hant = 親
                """);
        assertThat(new Linter(rules).check("親 愛 的，您好"))
                .containsExactly(new LintFinding("forbidden", "亲爱的", 0, 5, "親"));
        assertThat(rules.ruleIds()).containsExactly("亲爱的");
    }

    @Test
    void rejectsARuleWrittenInTraditionalCharacters() {
        assertThatThrownBy(() -> read("""
                [forbidden 我們不管]
                phrase = 我們不管
                suggest = x
                """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("們").hasMessageContaining("line");
    }

    @Test
    void rejectsAnUnknownMacroAndAPromiseWithoutTrigger() {
        assertThatThrownBy(() -> read("""
                [promise-trigger]
                pattern = 保证
                [promise p]
                pattern = {TRIGGER}{NOPE}
                suggest = x
                """)).hasMessageContaining("{NOPE}");
        assertThatThrownBy(() -> read("""
                [promise-trigger]
                pattern = 保证
                [promise p]
                pattern = 到货
                suggest = x
                """)).hasMessageContaining("without {TRIGGER}");
    }

    @Test
    void rejectsARuleWithoutSuggestionOrOutsideASection() {
        assertThatThrownBy(() -> read("[forbidden x]\nphrase = 不行\n")).hasMessageContaining("suggest");
        assertThatThrownBy(() -> read("phrase = 不行\n")).hasMessageContaining("outside");
    }

    @Test
    void standardRulesAreSharedAndNamedStably() {
        assertThat(LintRules.standard()).isSameAs(LintRules.standard());
        assertThat(LintRules.standard().ruleIds()).contains("我不知道", "這是(廣場)的規定", "promise.delivery-date",
                "promise.quality", "promise.refund", "promise.outcome");
    }
}
