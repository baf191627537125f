package xiaoer.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.Sender;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Linter;
import xiaoer.kb.QuickReply;

class LearningLoopTests {

    private final List<ChatEvent> events = new ArrayList<>();
    private long seq;

    private void say(String conversation, Sender from, String text, Map<String, String> meta, List<QuickReply> qr) {
        seq++;
        events.add(new ChatEvent(conversation, "default", "v-" + conversation, seq, from, text,
                TrainingFixtures.CLOCK.instant().minusSeconds(3600 - seq), qr, from == Sender.AGENT ? "小美" : null, null,
                false, meta));
    }

    private void handOff(String conversation, String question, String agentReply) {
        say(conversation, Sender.SHOPPER, question, Map.of(), List.of());
        say(conversation, Sender.BOT, "这就为您转接人工", Map.of("decision", "handoff", "score", "0.120", "handoff", "no_match"), List.of());
        if (agentReply != null) say(conversation, Sender.AGENT, agentReply, Map.of(), List.of());
    }

    @Test
    void extractsHandOffsSuggestionsAndTheAgentsReply() {
        handOff("c1", "你们支持分期付款吗", "支持的,花呗分期3期免息~");
        say("c2", Sender.SHOPPER, "码", Map.of(), List.of());
        say("c2", Sender.BOT, "您是想问…", Map.of("decision", "suggest", "score", "0.400"),
                List.of(new QuickReply("尺码怎么选", "尺码怎么选")));
        say("c2", Sender.SHOPPER, "不是,我问的是码数偏大不", Map.of(), List.of());
        say("c3", Sender.SHOPPER, "转人工", Map.of(), List.of());
        say("c3", Sender.BOT, "好的", Map.of("decision", "answer", "scriptId", "human", "handoff", "keyword"), List.of());

        List<Miss> misses = MissExtractor.extract(events);

        assertThat(misses).hasSize(2);
        assertThat(misses).filteredOn(m -> m.conversationId().equals("c1")).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Miss.HANDOFF);
            assertThat(m.question()).isEqualTo("你们支持分期付款吗");
            assertThat(m.agentReply()).isEqualTo("支持的,花呗分期3期免息~");
            assertThat(m.key()).isEqualTo("c1:1");
            assertThat(m.score()).isEqualTo(0.12);
        });
        assertThat(misses).filteredOn(m -> m.conversationId().equals("c2")).singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(Miss.SUGGEST_IGNORED));
    }

    @Test
    void groupsSimilarQuestionsWithCountsAndLeavesHandledOnesOut() {
        handOff("c1", "你们支持分期付款吗", "支持的,花呗分期3期免息~");
        handOff("c2", "支持分期付款吗?", null);
        handOff("c3", "可以分期付款吗", null);
        handOff("c4", "你们有实体店吗", "暂时只有网店哦");
        var s = TrainingFixtures.setup(false);
        TrainingWorkspace w = TrainingWorkspace.create(
                TrainingWorkspace.Ports.inMemory(s.store()).withMisses((since, max) -> events), s.live(),
                scripts -> KnowledgeBase.create(scripts, TrainingFixtures.lexical()), new Linter(),
                TrainingSettings.defaults(), TrainingFixtures.CLOCK, null);

        List<MissGroup> groups = w.misses().groups(20);

        assertThat(groups).hasSize(2);
        MissGroup installments = groups.get(0);
        assertThat(installments.count()).isEqualTo(3);
        assertThat(installments.kinds()).containsEntry(Miss.HANDOFF, 3);
        assertThat(installments.agentReplies()).containsExactly("支持的,花呗分期3期免息~");
        assertThat(installments.keys()).hasSize(3);

        w.misses().dismiss(installments.keys(), "chen");
        assertThat(w.misses().groups(20)).singleElement().satisfies(g -> assertThat(g.question()).isEqualTo("你们有实体店吗"));
    }

    @Test
    void bigramJaccardSeesThroughOrderNumbersAndPunctuation() {
        double same = MissGrouper.jaccard(MissGrouper.bigrams("订单123456789到哪了?"), MissGrouper.bigrams("订单 987654321 到哪了"));
        assertThat(same).isGreaterThanOrEqualTo(MissGrouper.BIGRAM_JACCARD);
        double other = MissGrouper.jaccard(MissGrouper.bigrams("能开发票吗"), MissGrouper.bigrams("有实体店吗"));
        assertThat(other).isLessThan(MissGrouper.BIGRAM_JACCARD);
        assertThat(Instant.EPOCH).isNotNull();
    }
}
