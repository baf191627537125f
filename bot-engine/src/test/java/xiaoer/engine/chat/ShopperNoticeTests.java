package xiaoer.engine.chat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import xiaoer.engine.bot.Bot;
import xiaoer.engine.policy.OpeningHours;
import xiaoer.engine.shop.ShopNotices;
import xiaoer.engine.text.ServiceTexts;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Linter;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Staff acting on a shopper's records reach the shopper's conversation (issue 6). */
class ShopperNoticeTests {

    private static final Linter LINTER = new Linter();
    private final InMemoryConversationStore store = new InMemoryConversationStore();
    private final InProcessEventBus bus = new InProcessEventBus();
    private final ChatEngine engine = new ChatEngine(store,
            Bot.withDefaults(KnowledgeBase.create(KnowledgeBase.builtinScripts()), LINTER, ServiceTexts.load()), LINTER,
            bus, ServiceTexts.load(), Clock.systemUTC(),
            EngineSettings.defaults().withHumanHours(OpeningHours.aroundTheClock(ZoneOffset.UTC)), new SimpleMeterRegistry());

    @Test
    void aNoticeLandsInTheOpenConversationAndIsPublishedForTheWidget() {
        Visitor v = Visitor.anonymous("default", "v-notice-1");
        Conversation open = engine.connect(v, 0).conversation();
        List<EngineEvent> published = new ArrayList<>();
        bus.subscribe(published::add);

        ChatEvent e = engine.notifyShopper(v, "您好，您的退款已经办理好啦~", Map.of("notice", "return"));

        assertThat(e.conversationId()).isEqualTo(open.id());
        assertThat(e.from()).isEqualTo(Sender.SYSTEM);
        assertThat(e.internal()).isFalse();
        assertThat(e.meta()).containsEntry("notice", "return");
        assertThat(published).contains(e);
        assertThat(engine.replay(v, 0)).extracting(ChatEvent::text).contains("您好，您的退款已经办理好啦~");
    }

    @Test
    void withNoOpenConversationANewOneIsStarted() {
        Visitor v = Visitor.anonymous("default", "v-notice-2");
        assertThat(engine.openConversationOf(v)).isEmpty();

        ChatEvent e = engine.notifyShopper(v, "您好，工单有结果啦~", Map.of());

        assertThat(engine.openConversationOf(v)).map(Conversation::id).contains(e.conversationId());
        assertThat(engine.history(e.conversationId())).extracting(ChatEvent::text).containsExactly("您好，工单有结果啦~");
    }

    @Test
    void aNoticeWithAForbiddenPhraseIsRefusedAndNothingIsStored() {
        Visitor v = Visitor.anonymous("default", "v-notice-3");
        assertThatThrownBy(() -> engine.notifyShopper(v, "这种事不关我的事", Map.of()))
                .isInstanceOf(LintRejectedException.class);
        assertThat(engine.openConversationOf(v)).isEmpty();
    }

    @Test
    void anAttachmentEventGoesOnlyIntoTheVisitorsOpenConversation() {
        Visitor v = Visitor.anonymous("default", "v-notice-4");
        Conversation open = engine.connect(v, 0).conversation();
        ChatEvent e = engine.shopperAttachment(v, open.id(), "[图片]", Map.of("attachmentId", "a1"));
        assertThat(e.from()).isEqualTo(Sender.SHOPPER);
        assertThat(e.meta()).containsEntry("attachmentId", "a1");
        Visitor other = Visitor.anonymous("default", "v-notice-5");
        assertThatThrownBy(() -> engine.shopperAttachment(other, open.id(), "[图片]", Map.of()))
                .isInstanceOf(ChatException.class);
    }

    @Test
    void noticesAreInTheLanguageTheShopperWritesIn() {
        Visitor english = Visitor.anonymous("default", "v-notice-en");
        engine.connect(english, 0);
        engine.respond(engine.receive(english, "m-en", "Where is my parcel?"));
        Visitor chinese = Visitor.anonymous("default", "v-notice-zh");
        engine.connect(chinese, 0);
        engine.respond(engine.receive(chinese, "m-zh", "我的快递到哪了"));

        assertThat(engine.languageOf(english)).isEqualTo("en");
        assertThat(engine.languageOf(chinese)).isEqualTo("zh");
        assertThat(engine.languageOf(Visitor.anonymous("default", "v-notice-new"))).as("nothing said yet").isEqualTo("zh");
        ShopNotices notices = new ShopNotices();
        assertThat(notices.photoReceived(engine.languageOf(english))).startsWith("We got your photo");
        assertThat(notices.photoReceived(engine.languageOf(chinese))).startsWith("收到您的照片");
        assertThat(notices.all()).containsKeys("zh:note", "en:note").containsEntry("en:note", " ({note})");
    }

    @Test
    void everyNoticeTextPassesTheLint() {
        new ShopNotices().all().forEach((key, text) ->
                assertThat(LINTER.check(text)).as(key + ": " + text).isEmpty());
    }
}
