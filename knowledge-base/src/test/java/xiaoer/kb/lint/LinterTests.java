package xiaoer.kb.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import xiaoer.kb.LintFinding;
import xiaoer.kb.Linter;

class LinterTests {

    private final Linter linter = new Linter();

    /**
     * The lint table: {@code text ‖ expected findings ‖ the first finding's text}. Expected findings are
     * {@code kind:rule} separated by {@code ;}, or {@code clean}. The manuals' own approved scripts must be clean.
     */
    private static final String TABLE = """
            我不知道 ‖ forbidden:我不知道 ‖ 我不知道
            这个我也不知道呢 ‖ forbidden:我不知道 ‖ 我也不知道
            這個我們也不知道 ‖ forbidden:我不知道 ‖ 我們也不知道
            亲，我 不 知道 ‖ forbidden:我不知道 ‖ 我 不 知道
            这个嘛，不-知-道 ‖ forbidden:不知道 ‖ 不-知-道
            我　不　知　道 ‖ forbidden:我不知道 ‖ 我　不　知　道
            这个呀不，知，道 ‖ forbidden:不知道 ‖ 不，知，道
            不\u200b知\u200b道哦 ‖ forbidden:不知道 ‖ 不\u200b知\u200b道
            这个问题不清楚 ‖ forbidden:不清楚 ‖ 不清楚
            這個我不太清楚 ‖ forbidden:不清楚 ‖ 不太清楚
            这个我不会 ‖ forbidden:我不會 ‖ 我不会
            這個我不會弄 ‖ forbidden:我不會 ‖ 我不會
            这个问题沒辦法解決 ‖ forbidden:沒辦法解決 ‖ 沒辦法解決
            这个情况我们处理不了 ‖ forbidden:沒辦法解決 ‖ 处理不了
            這個我們不管的 ‖ forbidden:我們不管 ‖ 我們不管
            詳情頁都寫了，你自己看吧 ‖ forbidden:你自己看吧 ‖ 你自己看吧
            這肯定不是我們的原因 ‖ forbidden:這肯定不是我們的原因 ‖ 這肯定不是我們的原因
            这不是我们的问题 ‖ forbidden:這肯定不是我們的原因 ‖ 不是我们的问题
            这么简单的问题你也不明白吗 ‖ forbidden:這么簡單的問題你也不明白 ‖ 这么简单的问题你也不明白
            這麼簡單的問題你也不明白 ‖ forbidden:這么簡單的問題你也不明白 ‖ 這麼簡單的問題你也不明白
            這種事不關我的事，你去找店鋪好了 ‖ forbidden:這種事不關我的事;forbidden:你去找店鋪好了 ‖ 這種事不關我的事
            我只负责售前，不负责售后 ‖ forbidden:我只負責…,不負責… ‖ 我只负责售前，不负责
            東西都差不多,沒什么可挑的,需要就趕緊 ‖ forbidden:東西都差不多,沒什么可挑的,需要就趕緊 ‖ 東西都差不多,沒什么可挑的,需要就趕緊
            想好沒有,好了就趕緊吧 ‖ forbidden:想好沒有,好了就趕緊 ‖ 想好沒有,好了就趕緊
            沒看我正忙著嗎？等會兒 ‖ forbidden:沒看我正忙著嗎 ‖ 沒看我正忙著嗎
            这是广场的规定 ‖ forbidden:這是(廣場)的規定 ‖ 这是广场的规定
            這是平台的規定，您理解一下 ‖ forbidden:這是(廣場)的規定 ‖ 這是平台的規定
            明天肯定到 ‖ promise:promise.delivery-date ‖ 明天肯定到
            明天 肯定 到！ ‖ promise:promise.delivery-date ‖ 明天 肯定 到
            放心，保证三天到货 ‖ promise:promise.delivery-date ‖ 保证三天到货
            我們保證三天內到貨 ‖ promise:promise.delivery-date ‖ 保證三天內到貨
            百分之百明天能到 ‖ promise:promise.delivery-date ‖ 百分之百明天能到
            保证您周五前收到 ‖ promise:promise.delivery-date ‖ 保证您周五前收到
            48小时内一定发货 ‖ promise:promise.delivery-date ‖ 48小时内一定发货
            放心，肯定能收到的 ‖ promise:promise.delivery ‖ 肯定能收到
            这个一定不会坏 ‖ promise:promise.quality ‖ 一定不会坏
            绝对没问题 ‖ promise:promise.quality ‖ 绝对没问题
            絕對沒問題的，您放心 ‖ promise:promise.quality ‖ 絕對沒問題
            １００％不掉色 ‖ promise:promise.quality ‖ １００％不掉色
            这个尺码您穿一定合适 ‖ promise:promise.fit ‖ 一定合适
            退款一定今天到账 ‖ promise:promise.refund ‖ 一定今天到账
            保证给您退款 ‖ promise:promise.refund ‖ 保证给您退款
            包您满意 ‖ promise:promise.outcome ‖ 包您满意
            我们一定帮您解决 ‖ promise:promise.outcome ‖ 一定帮您解决
            保证全网最低价 ‖ promise:promise.price ‖ 保证全网最低价
            我不知道，反正明天肯定到 ‖ forbidden:我不知道;promise:promise.delivery-date ‖ 我不知道
            您好,歡迎光臨呢,我是客服XX,不知道有什么可以幫您的呢? ‖ clean ‖
            您好，欢迎光临呢，我是客服小美，不知道有什么可以帮您的呢？ ‖ clean ‖
            好的呢,沒關系的,您有什么需要都可以隨時咨詢我的呢~ ‖ clean ‖
            合作愉快~請在大概要收件的日子保持開機狀態,以免快遞聯系不到您。麻煩查收好后再驗收喲!如果收到貨后有什么疑問,有什么不滿意的話請第一時間告訴我呢,我們會盡全力幫您解決問題哦。 ‖ clean ‖
            您好,是有什么問題讓您不滿意了嗎?如果是我們或快遞公司的原因給您造成不便,我們很抱歉給您添麻煩了! ‖ clean ‖
            非常抱歉,最近快遞繁忙呢,快遞速度比較慢,您這邊先不要著急,我先聯系一下快遞公司詢問一下具體是什么情況好嗎? ‖ clean ‖
            您還需要別的幫助嗎? ‖ clean ‖
            感謝您的光臨,歡迎再來 ‖ clean ‖
            對不起,請您稍等片刻 ‖ clean ‖
            不好意思讓您久等了 ‖ clean ‖
            對不起,您稍等,我請其他人來給您回答 ‖ clean ‖
            您好,能拍的都是有貨的哦, 下午四點前下單都是可以發貨的哈。 ‖ clean ‖
            請放心哦,我們出售的所有商品出廠前都經過嚴格質檢,發貨前會有專業質檢人員進行二次檢驗,力求做到無質量問題,對本店售出的所有商品提供質量保證及7天無理由退換貨售后服務。如果您收到貨之后有任何疑問,都請您聯系我們呢。 ‖ clean ‖
            很抱歉關于價格上無法幫到您的呢,咱們的價位都是折后最低價的呢,我們致力以最實惠的價位,提供給您最優秀的品質和最優質的服務。您喜歡的話,直接拍下就好哦~~咱們的品質您都是可以放心的,絕對是物超所值的~ ‖ clean ‖
            我很理解您著急收到寶貝的心情,也很想幫助到您,建議您可以補運費發順豐快遞可能會更早收到產品,但是由于快遞途中的事情是我們所無法掌控的,所以很抱歉無法向您保證具體的到貨時間呢。 ‖ clean ‖
            好的呢,已收到您的訂單,我們會盡快為您安排發貨,請您放心哦。如果有任何問題請您及時聯系我們客服為您處理~~祝您購物愉快 ‖ clean ‖
            謝謝您對我們的關心,您說的很對,我們今后一定注意改正。 ‖ clean ‖
            请您一定放心 ‖ clean ‖
            收货那天一定要保持电话畅通哦 ‖ clean ‖
            我们一定会尽快为您处理 ‖ clean ‖
            快递不一定明天到，具体以物流为准 ‖ clean ‖
            我们无法保证具体的到货时间，一般三天左右送达 ‖ clean ‖
            如果您不知道尺码，可以告诉我您的身高体重 ‖ clean ‖
            有任何不清楚的地方都可以随时问我 ‖ clean ‖
            图片看不清楚的话我再发一张给您 ‖ clean ‖
            我们不会泄露您的任何信息 ‖ clean ‖
            要不，清楚地告诉我您想要的颜色？ ‖ clean ‖
            我们不管刮风下雨都会按时揽收 ‖ clean ‖
            这款是正品，支持专柜验货 ‖ clean ‖
            We will ship your order as soon as possible. ‖ clean ‖
            Certainly, I can help you with that. It usually arrives in 3 days. ‖ clean ‖
            Sorry, I don't know. ‖ forbidden:我不知道 ‖ I don't know
            That's not our problem. ‖ forbidden:我們不管 ‖ not our problem
            It will definitely arrive tomorrow! ‖ promise:promise.delivery-date ‖ definitely arrive tomorrow
            This is guaranteed, it won't fade. ‖ promise:promise.quality ‖ guaranteed, it won't fade
            Guaranteed it won't fade ‖ promise:promise.quality ‖ Guaranteed it won't fade
            我们保证正品，支持专柜验货 ‖ clean ‖
            请放心，我们一定会给您一个满意的答复 ‖ promise:promise.outcome ‖ 一定会给您一个满意
            """;

    static Stream<Arguments> table() {
        return TABLE.lines().filter(l -> !l.isBlank()).map(line -> {
            String[] cols = line.split("‖", -1);
            return Arguments.of(cols[0].strip().translateEscapes(), cols[1].strip(),
                    cols[2].strip().translateEscapes());
        });
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("table")
    void findsExactlyTheExpectedRules(String text, String expected, String firstSpan) {
        List<LintFinding> findings = linter.check(text);
        List<String> actual = findings.stream().map(f -> f.kind() + ":" + f.rule()).toList();
        if (expected.equals("clean")) {
            assertThat(actual).as(linter.report(text)).isEmpty();
            return;
        }
        assertThat(actual).as(linter.report(text)).containsExactly(expected.split(";"));
        LintFinding first = findings.get(0);
        assertThat(text.substring(first.start(), first.end())).isEqualTo(firstSpan);
        assertThat(first.suggestion()).isNotBlank();
    }

    @Test
    void tableHasAtLeastFortyRowsAndHitsEveryRule() {
        List<Arguments> rows = table().toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(40);
        Set<String> hit = new HashSet<>();
        for (Arguments row : rows) {
            String expected = (String) row.get()[1];
            if (!expected.equals("clean")) {
                Arrays.stream(expected.split(";")).forEach(e -> hit.add(e.substring(e.indexOf(':') + 1)));
            }
        }
        assertThat(hit).containsAll(LintRules.standard().ruleIds());
    }

    /** Every phrase exactly as domain.md §3 lists it (traditional), and its simplified spelling. */
    @ParameterizedTest
    @ValueSource(strings = {"不清楚", "不知道", "我不知道", "我不會", "沒辦法解決", "我們不管", "你自己看吧",
            "這肯定不是我們的原因", "這么簡單的問題你也不明白", "這種事不關我的事", "沒看我正忙著嗎", "這是(廣場)的規定",
            "想好沒有,好了就趕緊"})
    void catchesEveryListedPhraseInBothScripts(String listed) {
        String traditional = listed.replace("(", "").replace(")", "");
        String simplified = HanFolding.standard().fold(traditional);
        for (String text : List.of(traditional, simplified, "嗯，" + traditional + "。")) {
            assertThat(linter.check(text)).as(text)
                    .extracting(LintFinding::rule).containsExactly(listed);
        }
    }

    @Test
    void offsetsPointIntoTheOriginalText() {
        String text = "亲～　這個　我們 也 不知道，明天肯定到貨！";
        List<LintFinding> findings = linter.check(text);
        assertThat(findings).hasSize(2);
        assertThat(text.substring(findings.get(0).start(), findings.get(0).end())).isEqualTo("我們 也 不知道");
        assertThat(text.substring(findings.get(1).start(), findings.get(1).end())).isEqualTo("明天肯定到貨");
    }

    @Test
    void suggestionFollowsTheScriptOfTheText() {
        assertThat(linter.check("我不知道").get(0).suggestion()).isEqualTo("对不起，您稍等，我请其他人来给您回答");
        assertThat(linter.check("這個我不知道").get(0).suggestion()).isEqualTo("對不起,您稍等,我請其他人來給您回答");
        assertThat(linter.check("明天肯定到").get(0).suggestion()).isEqualTo("我们会尽快为您安排发货，具体送达时间以物流信息为准哦");
    }

    @Test
    void reportListsEveryFindingWithItsRule() {
        assertThat(linter.report("您好")).isEqualTo("clean");
        assertThat(linter.report("我不知道，明天肯定到")).isEqualTo("""
                forbidden 我不知道 [0,4) «我不知道» → 对不起，您稍等，我请其他人来给您回答
                promise promise.delivery-date [5,10) «明天肯定到» → 我们会尽快为您安排发货，具体送达时间以物流信息为准哦""");
        assertThat(linter.passes("您好")).isTrue();
        assertThat(linter.passes("绝对没问题")).isFalse();
    }

    @Test
    void emptyTextIsClean() {
        assertThat(linter.check("")).isEmpty();
    }

    @Test
    void checksTwoHundredCharactersWellUnderATenthOfAMillisecond() {
        String text = ("您好，欢迎光临呢，我是客服小美，不知道有什么可以帮您的呢？我们出售的所有商品出厂前都经过严格质检，"
                + "发货前会有专业质检人员进行二次检验，对本店售出的所有商品提供质量保证及7天无理由退换货售后服务。"
                + "一般三天左右送达，具体以物流为准，收货那天一定要保持电话畅通哦，请您一定放心！").repeat(2).substring(0, 200);
        for (int i = 0; i < 20_000; i++) linter.check(text);
        int runs = 20_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) linter.check(text);
        double micros = (System.nanoTime() - t0) / 1000.0 / runs;
        System.out.printf("lint of 200 chars: %.1f µs%n", micros);
        // The target is < 100 µs; the bound leaves room for a slow, shared CI machine.
        assertThat(micros).isLessThan(500);
    }
}
