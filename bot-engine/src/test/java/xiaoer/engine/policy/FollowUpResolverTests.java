package xiaoer.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FollowUpResolverTests {

    private final FollowUpResolver resolver = new FollowUpResolver();

    @Test
    void thatSfExpressAfterACarrierQuestionJoinsThePreviousQuestion() {
        FollowUp f = resolver.resolve("那顺丰呢？", "shipping.carrier", "你们发什么快递");
        assertThat(f.followUp()).isTrue();
        assertThat(f.retrievalText()).isEqualTo("你们发什么快递 顺丰");
        assertThat(f.topicHint()).isEqualTo("快递");
    }

    @Test
    void traditionalFollowUpIsReadToo() {
        FollowUp f = resolver.resolve("那順豐呢", "shipping.carrier", "你們發什麼快遞");
        assertThat(f.followUp()).isTrue();
        assertThat(f.retrievalText()).startsWith("你們發什麼快遞 顺丰");
    }

    @Test
    void howLongAfterAReturnQuestion() {
        FollowUp f = resolver.resolve("多久？", "aftersales.return", "我要退货");
        assertThat(f.followUp()).isTrue();
        assertThat(f.retrievalText()).isEqualTo("我要退货 多久 退货 退款");
    }

    @Test
    void withoutThePreviousTextTheTopicWordsStandIn() {
        FollowUp f = resolver.resolve("要几天", "shipping.time", null);
        assertThat(f.retrievalText()).isEqualTo("发货 到货 时间 要几天");
        assertThat(resolver.topicHint("aftersales.unknown_thing")).isEqualTo("售后");
        assertThat(resolver.topicHint("nothing")).isNull();
    }

    @Test
    void englishWhatAbout() {
        FollowUp f = resolver.resolve("What about SF Express?", "shipping.carrier", "which courier do you use");
        assertThat(f.followUp()).isTrue();
        assertThat(f.retrievalText()).isEqualTo("which courier do you use sf express 快递");
    }

    @Test
    void aFullQuestionStandsOnItsOwn() {
        FollowUp f = resolver.resolve("我想问一下这件衣服是什么材质的", "shipping.carrier", "你们发什么快递");
        assertThat(f.followUp()).isFalse();
        assertThat(f.retrievalText()).isEqualTo("我想问一下这件衣服是什么材质的");
        assertThat(resolver.resolve("有货吗", "shipping.carrier", "发什么快递").followUp()).isFalse();
    }

    @Test
    void greetingsAndThanksAreNeverFollowUps() {
        assertThat(resolver.resolve("好的呢", "shipping.carrier", "你们发什么快递").followUp()).isFalse();
        assertThat(resolver.resolve("谢谢", "shipping.carrier", "你们发什么快递").followUp()).isFalse();
        assertThat(resolver.resolve("在吗？", "greeting", "你好").followUp()).isFalse();
    }

    @Test
    void noPreviousTopicNoFollowUp() {
        assertThat(resolver.resolve("那顺丰呢", null, null).followUp()).isFalse();
        assertThat(resolver.resolve(null, "shipping.carrier", "x").retrievalText()).isEmpty();
    }
}
