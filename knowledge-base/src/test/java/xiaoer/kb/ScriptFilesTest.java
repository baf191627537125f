package xiaoer.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xiaoer.kb.io.LineError;
import xiaoer.kb.io.ScriptFiles;
import xiaoer.kb.io.ScriptFormatException;

class ScriptFilesTest {

    private static final String GOOD = """
            {"id":"a","lang":"zh","questions":["你好","在吗"],"answer":"您好呢","category":"greet"}
            {"id":"b","lang":"zh","questions":["能退吗"],"answer":"支持7天无理由退换货哦","facts":{"return":"7天无理由退换货"},\
            "variants":{"angry":"抱歉!支持7天无理由退换货"},"quickReplies":[{"label":"退货","text":"我要退货"}],"tags":["x"]}
            """;

    @Test
    void readsValidJsonl() throws Exception {
        List<Script> scripts = ScriptFiles.readJsonl(new StringReader(GOOD), "good");
        assertThat(scripts).extracting(Script::id).containsExactly("a", "b");
        assertThat(scripts.get(1).variants()).containsKey("angry");
        assertThat(scripts.get(1).quickReplies()).containsExactly(new QuickReply("退货", "我要退货"));
    }

    @Test
    void refusesWholeFileListingEveryErrorWithItsLine() {
        String bad = """
                {"id":"a","lang":"zh","questions":["你好"],"answer":"您好"}
                {"id":"b","lang":"zh","questions":["x"],
                {"id":"c","lang":"zh","questions":["x"]}
                {"id":"a","lang":"zh","questions":["y"],"answer":"z"}
                {"id":"d","lang":"fr","questions":[],"answer":"z"}
                {"id":"e","questions":["q"],"answer":"没有事实","facts":{"return":"7天无理由退换货"}}
                """;
        assertThatThrownBy(() -> ScriptFiles.readJsonl(new StringReader(bad), "bad"))
                .isInstanceOf(ScriptFormatException.class)
                .satisfies(e -> {
                    List<LineError> errors = ((ScriptFormatException) e).errors();
                    assertThat(errors).anySatisfy(x -> assertThat(x.line()).isEqualTo(2));
                    assertThat(errors).anyMatch(x -> x.line() == 2 && x.reason().contains("malformed JSON"));
                    assertThat(errors).anyMatch(x -> x.line() == 3 && x.reason().contains("missing answer"));
                    assertThat(errors).anyMatch(x -> x.line() == 4 && x.reason().contains("duplicate id"));
                    assertThat(errors).anyMatch(x -> x.line() == 5 && x.reason().contains("bad lang"));
                    assertThat(errors).anyMatch(x -> x.line() == 5 && x.reason().contains("no questions"));
                    assertThat(errors).anyMatch(x -> x.line() == 6 && x.reason().contains("fact"));
                });
    }

    @Test
    void jsonlAndCsvRoundTrip() throws Exception {
        List<Script> scripts = KnowledgeBase.builtinScripts();
        StringWriter json = new StringWriter();
        ScriptFiles.writeJsonl(scripts, json);
        assertThat(ScriptFiles.readJsonl(new StringReader(json.toString()), "rt")).isEqualTo(scripts);
        StringWriter csv = new StringWriter();
        ScriptFiles.writeCsv(scripts, csv);
        assertThat(ScriptFiles.readCsv(new StringReader(csv.toString()), "rt.csv")).isEqualTo(scripts);
    }

    private static final String TRANSLATED = """
            {"id":"t","lang":"zh","questions":["能退吗"],"answer":"支持7天无理由退换货哦","facts":{"return":"7天无理由退换货"},\
            "translations":{"en":{"questions":["can I return it","return?"],"answer":"Sure, 7-day no-reason returns.",\
            "facts":{"return":"7-day no-reason returns"},"quickReplies":[{"label":"Return","text":"I want to return it"}]}}}
            """;

    @Test
    void aTranslationTravelsThroughJsonlAndCsv() throws Exception {
        List<Script> scripts = ScriptFiles.readJsonl(new StringReader(TRANSLATED), "t");
        Translation en = scripts.get(0).translations().get("en");
        assertThat(en.questions()).containsExactly("can I return it", "return?");
        assertThat(en.quickReplies()).containsExactly(new QuickReply("Return", "I want to return it"));
        StringWriter json = new StringWriter();
        ScriptFiles.writeJsonl(scripts, json);
        assertThat(ScriptFiles.readJsonl(new StringReader(json.toString()), "rt")).isEqualTo(scripts);
        StringWriter csv = new StringWriter();
        ScriptFiles.writeCsv(scripts, csv);
        assertThat(csv.toString().lines().findFirst().orElseThrow()).contains("en_questions", "en_answer");
        assertThat(ScriptFiles.readCsv(new StringReader(csv.toString()), "rt.csv")).isEqualTo(scripts);
    }

    @Test
    void aScriptSeenInOneLanguageKeepsItsIdAndCategory() throws Exception {
        Script s = ScriptFiles.readJsonl(new StringReader(TRANSLATED), "t").get(0);
        Script en = s.in("en");
        assertThat(en.id()).isEqualTo("t");
        assertThat(en.lang()).isEqualTo("en");
        assertThat(en.answer()).isEqualTo("Sure, 7-day no-reason returns.");
        assertThat(en.translations()).isEmpty();
        assertThat(s.in("zh").answer()).isEqualTo("支持7天无理由退换货哦");
        assertThat(s.in("zh").translations()).isEmpty();
        assertThat(s.languages()).containsExactly("zh", "en");
    }

    @Test
    void aBadTranslationRefusesTheFileWithItsLine() {
        String bad = """
                {"id":"a","lang":"zh","questions":["你好"],"answer":"您好"}
                {"id":"b","lang":"zh","questions":["能退吗"],"answer":"可以","translations":{"en":{"questions":[],"answer":" "}}}
                {"id":"c","lang":"zh","questions":["q"],"answer":"a","translations":{"fr":{"questions":["x"],"answer":"y"}}}
                {"id":"d","lang":"en","questions":["q"],"answer":"a","translations":{"en":{"questions":["x"],"answer":"y"}}}
                {"id":"e","lang":"zh","questions":["q"],"answer":"a","translations":{"en":{"questions":["x"],"answer":"y","oops":1}}}
                {"id":"f","lang":"zh","questions":["q"],"answer":"a","translations":{"en":{"questions":["x"],"answer":"no fact",\
                "facts":{"days":"7 days"}}}}
                """;
        assertThatThrownBy(() -> ScriptFiles.readJsonl(new StringReader(bad), "bad"))
                .isInstanceOf(ScriptFormatException.class)
                .satisfies(e -> {
                    List<LineError> errors = ((ScriptFormatException) e).errors();
                    assertThat(errors).noneMatch(x -> x.line() == 1);
                    assertThat(errors).anyMatch(x -> x.line() == 2 && x.reason().equals("translation 'en': no questions"));
                    assertThat(errors).anyMatch(x -> x.line() == 2 && x.reason().equals("translation 'en': missing answer"));
                    assertThat(errors).anyMatch(x -> x.line() == 3 && x.reason().contains("bad translation language 'fr'"));
                    assertThat(errors).anyMatch(x -> x.line() == 4 && x.reason().contains("own language"));
                    assertThat(errors).anyMatch(x -> x.line() == 5 && x.reason().contains("unknown field 'oops'"));
                    assertThat(errors).anyMatch(x -> x.line() == 6 && x.reason().startsWith("translation 'en': answer does not state fact"));
                });
    }

    @Test
    void csvErrorsCarryTheirLine() {
        String csv = "id,lang,questions,answer\n"
                + "a,zh,你好|在吗,您好\n"
                + "b,xx,,\n";
        assertThatThrownBy(() -> ScriptFiles.readCsv(new StringReader(csv), "bad.csv"))
                .isInstanceOf(ScriptFormatException.class)
                .satisfies(e -> assertThat(((ScriptFormatException) e).errors())
                        .allMatch(x -> x.line() == 3)
                        .extracting(LineError::reason)
                        .anyMatch(r -> r.contains("bad lang")).anyMatch(r -> r.contains("no questions"))
                        .anyMatch(r -> r.contains("missing answer")));
    }

    @Test
    void starterKbHasEveryFixedIdWithEnoughPhrasingsAndLockedFacts() {
        List<Script> scripts = KnowledgeBase.builtinScripts();
        assertThat(scripts).extracting(Script::id).containsExactlyInAnyOrder(
                "greeting", "thanks_bye", "presale.stock", "presale.size", "presale.material", "presale.quality",
                "presale.discount", "shipping.carrier", "shipping.time", "order.paid_ship", "order.track",
                "logistics.delay", "order.change_address", "order.cancel", "aftersales.return", "aftersales.exchange",
                "aftersales.refund_status", "aftersales.damaged", "aftersales.product_problem", "complaint", "invoice",
                "payment", "human");
        for (Script s : scripts) {
            assertThat(s.questions()).as(s.id()).hasSizeGreaterThanOrEqualTo(15);
            for (Map.Entry<String, String> fact : s.facts().entrySet()) {
                for (String v : s.variants().values()) assertThat(v).contains(fact.getValue());
            }
            for (String text : concat(s.answer(), s.variants().values())) {
                assertThat(text).doesNotContain("不知道", "不清楚", "保证", "一定", "肯定", "绝对");
            }
        }
        assertThat(scripts.stream().filter(s -> s.id().equals("presale.discount")).findFirst().orElseThrow().variants())
                .containsKey("bargain");
    }

    private static List<String> concat(String a, java.util.Collection<String> rest) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>(rest);
        out.add(a);
        return out;
    }
}
