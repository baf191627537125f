package xiaoer.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandoffRulesTests {

    private final HandoffRules rules = new HandoffRules();

    private String codeOf(String text) {
        return rules.evaluate(text, 0, null).map(HandoffReason::code).orElse("none");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            转人工                     | keyword
            轉人工                     | keyword
            转 人 工 谢谢               | keyword
            我要人工客服                | keyword
            能找个真人吗                | keyword
            客服呢？                   | keyword
            I want to talk to a human  | keyword
            我不会用，转人工             | keyword
            我要投诉你们                | complaint
            我要投訴！                  | complaint
            再不处理我就打12315         | complaint
            投诉建议                    | complaint
            这个是人工智能的吗            | none
            人工费多少                   | none
            不用转人工了，解决了          | none
            我不想投诉，只想快点收到       | none
            有货吗                      | none
            """)
    void readsTheShoppersWords(String text, String expected) {
        assertThat(codeOf(text)).isEqualTo(expected);
    }

    @Test
    void aComplaintOpensATicketAndWinsOverAKeyword() {
        Optional<HandoffReason> r = rules.evaluate("转人工，我要投诉", 0, null);
        assertThat(r).map(HandoffReason::code).contains(HandoffReason.COMPLAINT);
        assertThat(r).map(HandoffReason::opensTicket).contains(true);
        assertThat(r).map(HandoffReason::cue).contains("投诉");
        assertThat(rules.evaluate("转人工", 0, null)).map(HandoffReason::opensTicket).contains(false);
    }

    @Test
    void anAngryShopperGoesToAPersonEarly() {
        assertThat(rules.evaluate("你们这什么东西", 0, "angry")).map(HandoffReason::code).contains("angry");
        assertThat(rules.evaluate("你们这什么东西", 0, "bargain")).isEmpty();
        HandoffRules patient = new HandoffRules(HandoffSettings.defaults().withHandOffAngry(false));
        assertThat(patient.evaluate("你们这什么东西", 0, "angry")).isEmpty();
    }

    @Test
    void twoUnsureAnswersInARowHandOffByDefault() {
        assertThat(rules.evaluate("嗯", 1, null)).isEmpty();
        assertThat(rules.evaluate("嗯", 2, null)).map(HandoffReason::code).contains("low_confidence");
        HandoffRules lenient = new HandoffRules(HandoffSettings.defaults().withLowConfidenceLimit(3));
        assertThat(lenient.evaluate("嗯", 2, null)).isEmpty();
        assertThat(rules.settings().lowConfidenceLimit()).isEqualTo(2);
    }

    @Test
    void nullTextIsNoRequest() {
        assertThat(rules.evaluate(null, 0, null)).isEmpty();
    }
}
