package xiaoer.kb.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HanFoldingTests {

    private final HanFolding folding = HanFolding.standard();

    @Test
    void foldsTraditionalToSimplifiedKeepingTheLength() {
        String text = "這麼簡單的問題你也不明白";
        assertThat(folding.fold(text)).isEqualTo("这么简单的问题你也不明白").hasSize(text.length());
    }

    @Test
    void foldsFullWidthFormsAndCase() {
        assertThat(folding.fold("ＤＤ２０２４，好！　Ok")).isEqualTo("dd2024,好! ok");
    }

    @Test
    void leavesSimplifiedAndOtherTextAlone() {
        String text = "您好，欢迎光临😀 abc";
        assertThat(folding.fold(text)).isEqualTo("您好,欢迎光临😀 abc");
    }

    @Test
    void tellsTraditionalTextFromSimplifiedText() {
        assertThat(folding.containsTraditional("我們不管")).isTrue();
        assertThat(folding.containsTraditional("我们不管，！？")).isFalse();
        assertThat(folding.isTraditional('，')).isFalse();
    }
}
