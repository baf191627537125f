package xiaoer.console.agent;

import org.junit.jupiter.api.Test;
import xiaoer.kb.Linter;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The canned replies in both languages: the same shortcuts, every text through the lint, variables filled. */
class CannedRepliesTests {

    private final CannedReplies canned = new CannedReplies();

    @Test
    void englishHasEveryShortcutOfTheChineseAndEveryTextPassesTheLint() {
        List<CannedReplies.Canned> zh = canned.filled("zh", "王女士", "DD1", "小美");
        List<CannedReplies.Canned> en = canned.filled("en", "Ms Wang", "DD1", "Mei");
        assertThat(zh).isNotEmpty();
        assertThat(en).extracting(CannedReplies.Canned::shortcut)
                .containsExactlyElementsOf(zh.stream().map(CannedReplies.Canned::shortcut).toList());
        Linter linter = new Linter();
        for (CannedReplies.Canned c : en) {
            assertThat(c.text()).as(c.shortcut()).doesNotContain("{").matches("[\\x20-\\x7E]+");
            assertThat(linter.check(c.text())).as(c.shortcut()).isEmpty();
        }
        for (CannedReplies.Canned c : zh) assertThat(linter.check(c.text())).as(c.shortcut()).isEmpty();
    }

    @Test
    void variablesAreFilledPerLanguage() {
        assertThat(canned.filled("en", null, "DD20261124002", "Mei"))
                .anySatisfy(c -> assertThat(c.text()).isEqualTo(
                        "Hello there, welcome! I'm Mei from customer service. How can I help you today?"))
                .anySatisfy(c -> assertThat(c.text()).contains("your order DD20261124002"));
        assertThat(canned.filled("zh", null, null, "小美"))
                .anySatisfy(c -> assertThat(c.text()).startsWith("您好，亲，欢迎光临"));
        assertThat(canned.filled(null, null, null, "小美")).extracting(CannedReplies.Canned::text)
                .anyMatch(t -> t.contains("欢迎光临"));
    }
}
