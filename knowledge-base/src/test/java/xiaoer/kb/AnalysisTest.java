package xiaoer.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import xiaoer.kb.analysis.CharFolding;
import xiaoer.kb.analysis.LanguageDetector;
import xiaoer.kb.analysis.ShopAnalyzers;
import xiaoer.kb.analysis.TextNormalizer;

class AnalysisTest {

    private final ShopAnalyzers analyzers = ShopAnalyzers.shared();

    private java.util.List<String> words(String raw) {
        return analyzers.tokens(ShopAnalyzers.ZH_WORDS, TextNormalizer.forLexical(raw));
    }

    @Test
    void traditionalFoldsToSimplified() {
        assertThat(CharFolding.fold("發什麼快遞")).isEqualTo("发什么快递");
        assertThat(words("退貨怎麼弄")).isEqualTo(words("退货怎么弄"));
        assertThat(CharFolding.fold("質量有問題")).isEqualTo("质量有问题");
    }

    @Test
    void fullWidthFoldsToHalfWidth() {
        assertThat(CharFolding.fold("ＳＦ１２３？")).isEqualTo("sf123?");
        assertThat(words("能发ＳＦ吗")).isEqualTo(words("能发sf吗"));
    }

    @Test
    void numbersBecomePlaceholders() {
        assertThat(TextNormalizer.forLexical("订单号20240512338871到哪了")).contains(TextNormalizer.ORDER).doesNotContain("2024");
        assertThat(TextNormalizer.forLexical("电话13812345678")).contains(TextNormalizer.PHONE);
        assertThat(TextNormalizer.forLexical("99元能便宜吗")).contains(TextNormalizer.PRICE);
        assertThat(TextNormalizer.forLexical("身高170体重60")).contains("170");
    }

    @Test
    void latinAbbreviationsExpandInChineseMessages() {
        assertThat(TextNormalizer.forLexical("是zp吗")).isEqualTo("是正品吗");
        assertThat(TextNormalizer.forEmbedding("可以发SF吗", true)).isEqualTo("可以发顺丰吗");
        assertThat(TextNormalizer.forLexical("cancel一下订单")).isEqualTo("取消一下订单");
        assertThat(TextNormalizer.forLexical("3q!")).isEqualTo("谢谢");
        // Part of a longer Latin/digit run (a tracking number, a word): untouched.
        assertThat(TextNormalizer.forLexical("单号sf1234567890到哪了")).contains(TextNormalizer.ORDER).doesNotContain("顺丰");
        assertThat(TextNormalizer.forLexical("skf在吗")).contains("skf");
        // English messages are left alone, apart from Chinese-only slang that is the whole message.
        assertThat(TextNormalizer.forLexical("what size am i")).isEqualTo("what size am i");
        assertThat(TextNormalizer.forEmbedding("thanks", false)).isEqualTo("thanks");
    }

    @Test
    void shopSynonymsFoldToOneWord() {
        assertThat(words("退钱")).containsExactlyElementsOf(words("退款"));
        assertThat(words("物流")).containsExactlyElementsOf(words("快递"));
        assertThat(words("码数")).containsExactlyElementsOf(words("尺码"));
    }

    @Test
    void detectsLanguage() {
        assertThat(LanguageDetector.detect("iphone能用吗", "zh")).isEqualTo("zh");
        assertThat(LanguageDetector.detect("where is my parcel", "zh")).isEqualTo("en");
        assertThat(LanguageDetector.detect("😊123", "zh")).isEqualTo("zh");
    }
}
