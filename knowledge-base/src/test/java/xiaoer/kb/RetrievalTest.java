package xiaoer.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Retrieval on the builtin knowledge base with the REAL bge-small-zh model (no mock). */
class RetrievalTest {

    private final KnowledgeBase kb = SharedKb.builtin();

    private void answers(String text, String id) {
        Retrieval r = kb.retrieve(text, null);
        assertThat(r.decision()).as(text + " → " + r.candidates()).isEqualTo(Decision.ANSWER);
        assertThat(r.bestScriptId()).as(text).isEqualTo(id);
    }

    @Test
    void answersTypicalQuestions() {
        answers("发什么快递", "shipping.carrier");
        answers("转人工", "human");
        answers("我要退货", "aftersales.return");
        answers("退款怎么还没到账", "aftersales.refund_status");
    }

    @Test
    void englishMessagesMatchTheStarterScriptsInEnglishUnderTheSameIds() {
        answers("where's my package? order DD20261124002", "order.track");
        answers("can I send this back, it doesn't fit", "aftersales.return");
        answers("which courier do you use", "shipping.carrier");
        Retrieval r = kb.retrieve("which courier do you use", null);
        assertThat(r.lang()).isEqualTo("en");
        assertThat(kb.retrieve("发什么快递", null).lang()).isEqualTo("zh");
        assertThat(kb.retrieve("what's the weather like in Paris today", null).decision()).isEqualTo(Decision.HANDOFF);
        // one script, two languages: the published script carries its translation, a view shows one language
        Script carrier = kb.script("shipping.carrier").orElseThrow();
        assertThat(carrier.lang()).isEqualTo("zh");
        assertThat(carrier.in("en").answer()).contains("JD Logistics");
        assertThat(kb.scripts()).hasSize(23);
    }

    @Test
    void handsOffWhatNoScriptCovers() {
        assertThat(kb.retrieve("今天天气怎么样", null).decision()).isEqualTo(Decision.HANDOFF);
        assertThat(kb.retrieve("你们招代理吗", null).decision()).isEqualTo(Decision.HANDOFF);
    }

    @Test
    void traditionalAndFullWidthMatchToo() {
        answers("請問發什麼快遞呀", "shipping.carrier");
        answers("我要退貨", "aftersales.return");
    }

    @Test
    void numbersDoNotDerailTheMatch() {
        Retrieval r = kb.retrieve("订单号 20240711093345 物流到哪了", null);
        assertThat(r.candidates().get(0).scriptId()).isEqualTo("order.track");
        Retrieval phone = kb.retrieve("手机13912345678 地址写错了能改吗", null);
        assertThat(phone.candidates().get(0).scriptId()).isEqualTo("order.change_address");
    }

    @Test
    void candidatesCarryMatchedTermsAndScores() {
        Retrieval r = kb.retrieve("能发顺丰快递吗", null);
        Candidate top = r.candidates().get(0);
        assertThat(top.scriptId()).isEqualTo("shipping.carrier");
        assertThat(top.matchedTerms()).isNotEmpty();
        assertThat(r.score()).isBetween(0.0, 1.0).isEqualTo(top.score());
        assertThat(kb.analyze("發什麼快遞")).contains("快递");
    }

    @Test
    void neverThrowsOnOddInput() {
        for (String odd : new String[]{null, "", "   ", "😊😊😊", "1234567890", "？？？", "a".repeat(100_000),
                "退款".repeat(5000), "\u0000\uFFFF"}) {
            Retrieval r = kb.retrieve(odd, null);
            assertThat(r).isNotNull();
            assertThat(r.score()).isBetween(0.0, 1.0);
        }
        assertThat(kb.retrieve("", null).decision()).isEqualTo(Decision.HANDOFF);
    }

    @Test
    void exactPhrasingSkipsTheSemanticStep() {
        long before = kb.metrics().lexicalSure();
        Retrieval r = kb.retrieve("转人工", null);
        assertThat(r.bestScriptId()).isEqualTo("human");
        assertThat(r.semanticUsed()).isFalse();
        assertThat(kb.metrics().lexicalSure()).isGreaterThan(before);
    }
}
