package xiaoer.console.web;

import org.junit.jupiter.api.Test;
import xiaoer.kb.LintFinding;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LintRefusalTests {

    @Test
    void everyFindingIsReplacedByItsSuggestionKeepingTheRest() {
        String text = "我不知道,明天保证到";
        List<LintFinding> findings = List.of(
                new LintFinding("forbidden", "不知道", 1, 4, "帮您问一下"),
                new LintFinding("promise", "保证", 7, 9, "预计"));
        assertThat(LintRefusal.of(findings, text).suggestedText()).isEqualTo("我帮您问一下,明天预计到");
    }

    @Test
    void withoutSuggestionsOrTextThereIsNoSuggestedText() {
        List<LintFinding> findings = List.of(new LintFinding("forbidden", "不知道", 1, 4, null));
        assertThat(LintRefusal.of(findings, "我不知道").suggestedText()).isNull();
        assertThat(LintRefusal.of(findings, null).suggestedText()).isNull();
        assertThat(LintRefusal.of(findings, null).findings()).hasSize(1);
    }

    @Test
    void overlappingOrOutOfRangeFindingsAreSkipped() {
        List<LintFinding> findings = List.of(
                new LintFinding("forbidden", "a", 0, 3, "X"),
                new LintFinding("forbidden", "b", 2, 5, "Y"),
                new LintFinding("forbidden", "c", 4, 99, "Z"));
        assertThat(LintRefusal.of(findings, "abcdef").suggestedText()).isEqualTo("abYf");
    }
}
