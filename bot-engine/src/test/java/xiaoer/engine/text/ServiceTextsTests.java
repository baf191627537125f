package xiaoer.engine.text;

import org.junit.jupiter.api.Test;
import xiaoer.kb.Linter;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's sentences in each language: the same keys and placeholders as the Chinese, through the lint. */
class ServiceTextsTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Linter LINTER = new Linter();

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    @Test
    void everyEnglishTextTranslatesAChineseOneWithTheSamePlaceholdersAndPassesTheLint() {
        for (String resource : new String[] {"/xiaoer/engine/texts.properties",
                "/xiaoer/engine/routing/texts.properties", "/xiaoer/engine/shop/notices.properties"}) {
            ServiceTexts zh = ServiceTexts.load(resource);
            ServiceTexts en = zh.in("en");
            assertThat(en.lang()).as(resource + " has English").isEqualTo("en");
            assertThat(en.ownKeys()).as(resource).isNotEmpty();
            for (String key : en.ownKeys()) {
                String english = en.get(key);
                assertThat(zh.ownKeys()).as(resource + ": " + key + " exists in Chinese").contains(key);
                assertThat(placeholders(english)).as(resource + ": " + key).isEqualTo(placeholders(zh.get(key)));
                assertThat(english.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HAN)).as(resource + ": " + key + " is English").isFalse();
                assertThat(LINTER.check(english)).as(resource + ": " + key + " lint").isEmpty();
            }
        }
    }

    @Test
    void everyShopperFacingEngineTextAndNoticeHasAnEnglishOne() {
        for (String resource : new String[] {"/xiaoer/engine/texts.properties", "/xiaoer/engine/shop/notices.properties"}) {
            ServiceTexts zh = ServiceTexts.load(resource);
            assertThat(zh.in("en").ownKeys()).as(resource).containsExactlyInAnyOrderElementsOf(zh.ownKeys());
        }
    }

    @Test
    void timesAreWrittenTheWayEachLanguageWritesThem() {
        ServiceTexts zh = ServiceTexts.load();
        java.time.LocalDateTime at = java.time.LocalDateTime.of(2026, 12, 7, 3, 15);
        assertThat(zh.time(at)).isEqualTo("12月7日 03:15");
        assertThat(zh.in("en").time(at)).isEqualTo("Dec 7, 03:15");
    }

    @Test
    void aMissingTextOrLanguageFallsBackToChinese() {
        ServiceTexts routing = ServiceTexts.load("/xiaoer/engine/routing/texts.properties");
        // staff-facing refusals are Chinese only
        assertThat(routing.in("en").get("routing.refused.note_required")).isEqualTo(routing.get("routing.refused.note_required"));
        assertThat(routing.in("fr").lang()).isEqualTo("zh");
        assertThat(routing.in(null).lang()).isEqualTo("zh");
        assertThat(routing.in("en").in("zh").get("routing.queue.position", Map.of("position", 2))).contains("第 2 位");
        assertThat(routing.in("en").get("routing.queue.position", Map.of("position", 2))).contains("number 2");
    }

    @Test
    void theLanguageFollowsClearlyEnglishMessagesOnly() {
        assertThat(ShopperLanguage.of("Where is my parcel?")).isEqualTo("en");
        assertThat(ShopperLanguage.of("help")).isEqualTo("en");
        assertThat(ShopperLanguage.of("我的快递到哪了")).isEqualTo("zh");
        assertThat(ShopperLanguage.of("iphone能用吗")).isEqualTo("zh");
        // a Chinese shopper's short Latin words say nothing
        assertThat(ShopperLanguage.of("ok")).isEqualTo("zh");
        assertThat(ShopperLanguage.of("sf")).isEqualTo("zh");
        assertThat(ShopperLanguage.of("3q")).isEqualTo("zh");
        assertThat(ShopperLanguage.of((String) null)).isEqualTo("zh");
        assertThat(ShopperLanguage.of(java.util.List.of("还没发货吗", "ok"))).isEqualTo("zh");
        assertThat(ShopperLanguage.of(java.util.List.of("hi", "ok"))).isEqualTo("en");
        // the latest few messages decide: an old Chinese line no longer counts
        assertThat(ShopperLanguage.of(java.util.List.of("你好", "do you ship abroad?", "to Norway", "thanks")))
                .isEqualTo("en");
    }
}
