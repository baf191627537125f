package xiaoer.engine.training;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import xiaoer.kb.KbOptions;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Linter;
import xiaoer.kb.QuickReply;
import xiaoer.kb.Script;
import xiaoer.kb.Thresholds;

/** Small scripts and a lexical-only knowledge base: fast, and enough to exercise the rules. */
final class TrainingFixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC);

    static KbOptions lexical() {
        return new KbOptions(null, Thresholds.defaults(), 1, 16, 16, 1000);
    }

    static Script shipping() {
        return new Script("shipping_courier", "zh", "logistics",
                List.of("发什么快递", "用的哪家快递", "默认什么快递", "能发顺丰吗", "快递是哪家的"),
                "亲,我们默认发中通快递,需要顺丰可以补差价哦~", Map.of("urgent", "亲别急,我们默认发中通快递,顺丰可补差价"),
                Map.of("courier", "中通快递"), List.of(new QuickReply("查物流", "我的快递到哪了")), List.of("物流"));
    }

    static Script invoice() {
        return new Script("invoice", "zh", "after_sale",
                List.of("能开发票吗", "怎么开发票", "可以开票吗", "发票怎么开", "要发票"),
                "可以开电子发票的,下单时填写抬头和税号即可~", Map.of(), Map.of(), List.of(), List.of("发票"));
    }

    static Script sizes() {
        return new Script("size_guide", "zh", "pre_sale",
                List.of("尺码怎么选", "我穿什么码", "码数偏大吗", "尺码表在哪", "180斤穿多大"),
                "亲,详情页有尺码表,告诉我身高体重帮您推荐哦~", Map.of(), Map.of(), List.of(), List.of("尺码"));
    }

    static List<Script> starter() {
        return List.of(shipping(), invoice(), sizes());
    }

    static Script withQuestions(Script s, List<String> questions) {
        return new Script(s.id(), s.lang(), s.category(), questions, s.answer(), s.variants(), s.facts(),
                s.quickReplies(), s.tags());
    }

    static Script withAnswer(Script s, String answer) {
        return new Script(s.id(), s.lang(), s.category(), s.questions(), answer, s.variants(), s.facts(),
                s.quickReplies(), s.tags());
    }

    /** A workspace on an in-memory store, seeded with release 1 = {@link #starter()}. */
    static Setup setup(boolean requireApproval) {
        InMemoryTrainingStore store = new InMemoryTrainingStore();
        new ReleaseSeeder(store, store, store, store, CLOCK).latestOrSeed(TrainingFixtures::starter);
        KnowledgeBase live = KnowledgeBase.create(starter(), lexical());
        TrainingWorkspace w = TrainingWorkspace.create(TrainingWorkspace.Ports.inMemory(store), live,
                scripts -> KnowledgeBase.create(scripts, lexical()), new Linter(),
                TrainingSettings.defaults().withRequireApproval(requireApproval), CLOCK, null);
        return new Setup(store, live, w);
    }

    record Setup(InMemoryTrainingStore store, KnowledgeBase live, TrainingWorkspace w) {
    }

    private TrainingFixtures() {
    }
}
