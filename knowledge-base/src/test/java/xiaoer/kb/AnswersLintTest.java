package xiaoer.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import xiaoer.kb.io.ScriptFiles;

/** Every shipped answer and variant passes the lint: no forbidden phrase, no absolute promise (domain.md §3). */
class AnswersLintTest {

    @Test
    void starterAndEnglishAnswersAreClean() {
        Linter linter = new Linter();
        List<Script> all = new ArrayList<>();
        for (Script s : KnowledgeBase.builtinScripts()) {
            for (String lang : s.languages()) all.add(s.in(lang)); // the starter's English translations too
        }
        all.addAll(ScriptFiles.read(Path.of("src/test/resources/eval/en-kb.jsonl")));
        int checked = 0;
        for (Script s : all) {
            assertThat(linter.check(s.answer())).as(s.id() + " answer").isEmpty();
            checked++;
            for (var v : s.variants().entrySet()) {
                assertThat(linter.check(v.getValue())).as(s.id() + " variant " + v.getKey()).isEmpty();
                checked++;
            }
            for (QuickReply r : s.quickReplies()) {
                assertThat(linter.check(r.label() + " " + r.text())).as(s.id() + " button " + r.label()).isEmpty();
            }
        }
        assertThat(checked).isGreaterThan(150);
    }
}
