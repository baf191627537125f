package xiaoer.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CustomerTypeDetectorTests {

    private final CustomerTypeDetector detector = new CustomerTypeDetector();

    private String typeOf(String... messages) {
        return detector.detect(List.of(messages)).type();
    }

    @Test
    void oneDiscountQuestionIsNotABargainHunter() {
        assertThat(typeOf("能便宜点吗")).isNull();
        assertThat(detector.detect(List.of("能便宜点吗")).scores()).containsEntry("bargain", 1.0);
    }

    @Test
    void aShopperWhoKeepsPushingIsABargainHunter() {
        CustomerTypeResult r = detector.detect(List.of("能便宜点吗", "那包邮吧", "再送点什么小礼物呗"));
        assertThat(r.type()).isEqualTo("bargain");
        assertThat(r.cues()).extracting(CustomerTypeCue::message).containsExactly(0, 1, 2);
        assertThat(r.cues()).extracting(CustomerTypeCue::phrase).contains("便宜点", "包邮吧");
        assertThat(r.confidence(1.5)).isGreaterThan(0.5);
    }

    @Test
    void bargainCuesInTraditionalCharacters() {
        assertThat(typeOf("能便宜點嗎", "再便宜一點，包郵吧")).isEqualTo("bargain");
    }

    @Test
    void oldPushesFadeWithRecency() {
        assertThat(typeOf("能便宜点吗", "少一点吧", "好的", "尺码怎么选", "身高170", "体重60", "什么材质")).isNull();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            这个是正品吗？靠谱吗                | skeptic
            不會是假貨吧，上次買的就是假的        | skeptic
            值不值啊，感觉有点贵                | cautious
            我考慮一下，划算嗎                  | cautious
            明天要用，能不能快点发              | urgent
            我急用！！能發順豐嗎                | urgent
            太差了！！！什么破东西               | angry
            氣死我了，垃圾店                   | angry
            你们客服呢？？？怎么回事？？？         | angry
            你好，有货吗                       | 
            我不急，慢慢发就行                  | 
            这款滚筒洗衣机值不值                 | cautious
            我用usb充电的                      | 
            """)
    void detectsTheTypeFromOneMessage(String message, String expected) {
        assertThat(typeOf(message)).isEqualTo(expected);
    }

    @Test
    void anAngryShopperWinsOverOtherTypes() {
        CustomerTypeResult r = detector.detect(List.of("能便宜点吗", "再便宜点", "包邮吧", "你们太过分了，垃圾"));
        assertThat(r.type()).isEqualTo("angry");
        assertThat(r.scores().get("bargain")).isGreaterThanOrEqualTo(1.5);
    }

    @Test
    void cuesPointIntoTheShoppersMessage() {
        CustomerTypeResult r = detector.detect(List.of("你好", "這是正品嗎？"));
        CustomerTypeCue cue = r.cues().get(0);
        assertThat(cue.message()).isEqualTo(1);
        assertThat("這是正品嗎？".substring(cue.start(), cue.end())).isEqualTo(cue.phrase()).isEqualTo("是正品嗎");
        assertThat(cue.type()).isEqualTo("skeptic");
    }

    @Test
    void noMessagesNoType() {
        assertThat(detector.detect(List.of()).detected()).isFalse();
        assertThat(detector.detect(null).type()).isNull();
        assertThat(detector.detect(java.util.Arrays.asList("  ", null)).cues()).isEmpty();
    }

    @Test
    void thresholdsAreConfigurable() {
        CustomerTypeSettings eager = CustomerTypeSettings.defaults().withThreshold(CustomerType.BARGAIN, 1.0, 1);
        assertThat(new CustomerTypeDetector(eager, CustomerTypeCues.standard()).detect(List.of("能便宜点吗")).type())
                .isEqualTo("bargain");
    }

    @Test
    void cuesCanComeFromAnotherFile() throws Exception {
        CustomerTypeCues cues = CustomerTypeCues.read(new StringReader("urgent | 1.0 | 火速\n"));
        assertThat(new CustomerTypeDetector(CustomerTypeSettings.defaults(), cues).detect(List.of("火速发货")).type())
                .isEqualTo("urgent");
    }

    @Test
    void wireValuesRoundTrip() {
        for (CustomerType t : CustomerType.values()) assertThat(CustomerType.fromWire(t.wire())).contains(t);
        assertThat(CustomerType.fromWire("vip")).isEmpty();
    }
}
