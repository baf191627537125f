package xiaoer.app.trainer;

import xiaoer.app.testing.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.app.storage.JdbcConversationStore;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.EventDraft;
import xiaoer.engine.chat.Visitor;
import xiaoer.engine.training.AuditActions;
import xiaoer.engine.training.AuditEntry;
import xiaoer.engine.training.MissGroup;
import xiaoer.engine.training.PublishBlockedException;
import xiaoer.engine.training.Release;
import xiaoer.engine.training.ReleaseSeeder;
import xiaoer.engine.training.ReleaseSummary;
import xiaoer.engine.training.TrainingException;
import xiaoer.engine.training.TrainingSettings;
import xiaoer.engine.training.TrainingWorkspace;
import xiaoer.kb.Decision;
import xiaoer.kb.KbOptions;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Linter;
import xiaoer.kb.QuickReply;
import xiaoer.kb.Script;
import xiaoer.kb.Thresholds;
import xiaoer.kb.Translation;

/**
 * Releases, rollback and the publish gates on a real database, with the JDBC stores the app wires. The knowledge
 * base runs lexical only here (fast; the console's tests use the real one).
 */
abstract class TrainerStorageContract {

    private static final String NEW_PHRASING = "你们家走啥物流公司";

    abstract TestDatabase database();

    private TestDatabase db;
    private TrainingWorkspace.Ports ports;
    private KnowledgeBase live;
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;

    private static KbOptions lexical() {
        return new KbOptions(null, Thresholds.defaults(), 1, 16, 16, 1000);
    }

    static List<Script> starter() {
        return List.of(
                new Script("shipping_courier", "zh", "logistics", List.of("发什么快递", "用的哪家快递", "默认什么快递", "能发顺丰吗"),
                        "亲,我们默认发中通快递,需要顺丰可以补差价哦~", Map.of("urgent", "亲别急,我们默认发中通快递,顺丰可补差价"),
                        Map.of("courier", "中通快递"), List.of(new QuickReply("查物流", "我的快递到哪了")), List.of("物流")),
                new Script("invoice", "zh", "after_sale", List.of("能开发票吗", "怎么开发票", "可以开票吗", "发票怎么开"),
                        "可以开电子发票的,下单时填写抬头和税号即可~", null, null, null, List.of("发票")));
    }

    @BeforeEach
    void start() {
        db = database();
        jdbc = new JdbcTemplate(db.dataSource());
        tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        ports = new TrainerStorageConfiguration().trainingPorts(jdbc, tx);
    }

    @AfterEach
    void stop() {
        if (live != null) live.close();
        if (db != null) db.close();
    }

    private TrainingWorkspace workspace(boolean requireApproval) {
        Release first = new ReleaseSeeder(ports.draft(), ports.releases(), ports.audit(), ports.tx(), Clock.systemUTC())
                .latestOrSeed(TrainerStorageContract::starter);
        live = KnowledgeBase.create(first.scripts(), lexical());
        return TrainingWorkspace.create(ports, live, scripts -> KnowledgeBase.create(scripts, lexical()), new Linter(),
                TrainingSettings.defaults().withRequireApproval(requireApproval), Clock.systemUTC(), null);
    }

    @Test
    void theFirstStartSeedsReleaseOneAndTheDraftOnce() {
        ReleaseSeeder seeder = new ReleaseSeeder(ports.draft(), ports.releases(), ports.audit(), ports.tx(), Clock.systemUTC());
        Release first = seeder.latestOrSeed(TrainerStorageContract::starter);
        Release again = seeder.latestOrSeed(() -> List.of());
        assertThat(first.number()).isEqualTo(1);
        assertThat(again.number()).isEqualTo(1);
        assertThat(again.scripts()).isEqualTo(starter());
        assertThat(ports.draft().all()).hasSize(2);
        assertThat(ports.releases().releases()).singleElement().satisfies(r -> assertThat(r.createdBy()).isEqualTo("system"));
    }

    @Test
    void aTranslationIsStoredInTheDraftAndTheReleaseAndAnsweredLive() {
        TrainingWorkspace w = workspace(false);
        var invoice = w.editor().get("invoice");
        Script translated = invoice.script().withTranslations(Map.of("en", new Translation(
                List.of("can I get an invoice", "how do I get a receipt for my order", "invoice please"),
                "Yes, we issue e-invoices: write the title and tax number in the order notes.", null, null,
                List.of(new QuickReply("Invoice", "I need an invoice")))));
        w.editor().save(translated, invoice.version(), "chen", List.of());
        assertThat(ports.draft().find("invoice").orElseThrow().script()).isEqualTo(translated);

        w.publisher().publish("发票英文", "chen");
        Script stored = ports.releases().release(2).orElseThrow().scripts().stream()
                .filter(s -> s.id().equals("invoice")).findFirst().orElseThrow();
        assertThat(stored.translations()).isEqualTo(translated.translations());
        assertThat(live.retrieve("invoice please", "en").bestScriptId()).isEqualTo("invoice");
        assertThat(live.script("invoice").orElseThrow().in("en").quickReplies())
                .containsExactly(new QuickReply("Invoice", "I need an invoice"));
    }

    @Test
    void publishingStoresANumberedReleaseAndMakesItLive() {
        TrainingWorkspace w = workspace(false);
        w.editor().addPhrasing("shipping_courier", NEW_PHRASING, "chen", List.of());
        w.cases().add(NEW_PHRASING, "zh", "shipping_courier", "chen");
        w.cases().add("量子力学的薛定谔方程怎么推导", "zh", null, "chen");

        Release r = w.publisher().publish("物流新问法", "chen");

        assertThat(r.number()).isEqualTo(2);
        assertThat(live.retrieve(NEW_PHRASING, "zh").decision()).isEqualTo(Decision.ANSWER);
        assertThat(live.retrieve(NEW_PHRASING, "zh").bestScriptId()).isEqualTo("shipping_courier");
        Release stored = ports.releases().release(2).orElseThrow();
        assertThat(stored.note()).isEqualTo("物流新问法");
        assertThat(stored.createdBy()).isEqualTo("chen");
        assertThat(stored.scripts()).filteredOn(s -> s.id().equals("shipping_courier")).singleElement()
                .satisfies(s -> assertThat(s.questions()).contains(NEW_PHRASING));
        assertThat(w.editor().unpublished().empty()).isTrue();
        assertThat(w.audit().recent(20, null)).extracting(AuditEntry::action)
                .contains(AuditActions.RELEASE_PUBLISH, AuditActions.PHRASING_ADD, AuditActions.CASE_ADD, AuditActions.RELEASE_SEED);
    }

    @Test
    void theGatesRefuseLintFailingCasesAndMissingApproval() {
        TrainingWorkspace w = workspace(true);
        w.cases().add("能开发票吗", "zh", "invoice", "chen");
        var invoice = w.editor().get("invoice");
        Script s = invoice.script();
        w.editor().save(new Script(s.id(), s.lang(), s.category(), List.of("税务凭证"), s.answer(), s.variants(),
                s.facts(), s.quickReplies(), s.tags()), invoice.version(), "chen", List.of());
        // a lint-breaking text never gets into the draft at all
        assertThatThrownBy(() -> w.editor().save(new Script("promise", "zh", null, List.of("明天能到吗"), "明天肯定到",
                null, null, null, null), null, "chen", List.of())).isInstanceOf(TrainingException.class);

        assertThatThrownBy(() -> w.publisher().publish("去掉发票问法", "chen"))
                .isInstanceOfSatisfying(PublishBlockedException.class, e -> {
                    assertThat(e.check().failedCases()).isEqualTo(1);
                    assertThat(e.check().approvalRequired()).isTrue();
                    assertThat(e.check().approved()).isFalse();
                });
        assertThat(ports.releases().releases()).hasSize(1);
        assertThat(live.script("invoice").orElseThrow().questions()).contains("能开发票吗");

        // put the phrasing back, approve, publish
        invoice = w.editor().get("invoice");
        w.editor().addPhrasing("invoice", "能开发票吗", "chen", List.of());
        assertThatThrownBy(() -> w.publisher().publish("发票", "chen")).isInstanceOf(PublishBlockedException.class);
        w.publisher().approve("wang", true);
        assertThat(w.publisher().publish("发票问法调整", "chen").approvedBy()).isEqualTo("wang");
        assertThat(invoice.version()).isPositive();
    }

    @Test
    void rollbackRepublishesAnOlderReleaseAsANewOne() {
        TrainingWorkspace w = workspace(false);
        w.editor().addPhrasing("invoice", "开个票", "chen", List.of());
        w.publisher().publish("发票问法", "chen");
        assertThat(live.script("invoice").orElseThrow().questions()).contains("开个票");

        Release back = w.publisher().rollback(1, null, "wang", true);

        assertThat(back.number()).isEqualTo(3);
        assertThat(back.restoredFrom()).isEqualTo(1);
        assertThat(live.script("invoice").orElseThrow().questions()).doesNotContain("开个票");
        assertThat(ports.draft().find("invoice").orElseThrow().script().questions()).doesNotContain("开个票");
        assertThat(ports.releases().releases()).extracting(ReleaseSummary::number).containsExactly(3, 2, 1);
        assertThat(ports.releases().release(3).orElseThrow().scripts()).isEqualTo(ports.releases().release(1).orElseThrow().scripts());
        assertThat(w.publisher().compare("2", "3").changed()).singleElement()
                .satisfies(c -> assertThat(c.removedQuestions()).containsExactly("开个票"));
        assertThatThrownBy(() -> w.publisher().rollback(99, null, "wang", true))
                .isInstanceOfSatisfying(TrainingException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    }

    @Test
    void staleEditsAreConflictsAndAFailedLiveSwapLeavesNoRelease() {
        TrainingWorkspace w = workspace(false);
        long v = w.editor().get("invoice").version();
        w.editor().addPhrasing("invoice", "开个票", "chen", List.of());
        Script inv = w.editor().get("invoice").script();
        assertThatThrownBy(() -> w.editor().save(inv, v, "lin", List.of()))
                .isInstanceOfSatisfying(TrainingException.class, e -> assertThat(e.code()).isEqualTo("conflict"));

        TrainingWorkspace broken = TrainingWorkspace.create(ports, live, scripts -> KnowledgeBase.create(scripts, lexical()),
                new Linter(), TrainingSettings.defaults(), Clock.systemUTC(), r -> {
                    throw new IllegalStateException("other nodes unreachable");
                });
        assertThatThrownBy(() -> broken.publisher().publish("发票", "chen")).isInstanceOf(IllegalStateException.class);
        assertThat(ports.releases().releases()).hasSize(1);
        assertThat(w.audit().recent(50, null)).extracting(AuditEntry::action).doesNotContain(AuditActions.RELEASE_PUBLISH);
    }

    @Test
    void theLearningLoopReadsHandOffsFromTheConversationTables() {
        TrainingWorkspace w = workspace(false);
        JdbcConversationStore conversations = new JdbcConversationStore(jdbc, tx, new ObjectMapper());
        Instant now = Instant.now();
        for (String[] turn : new String[][]{{"v1", "你们支持分期付款吗", "支持的,花呗分期3期免息~"}, {"v2", "支持分期付款吗?", null},
                {"v3", "你们有实体店吗", "暂时只有网店哦"}}) {
            Conversation c = conversations.create(Visitor.anonymous("default", turn[0]), now);
            conversations.append(c.id(), EventDraft.shopper(turn[1], "m-" + turn[0]), now);
            conversations.append(c.id(), EventDraft.bot("这就为您转接人工客服", List.of(),
                    Map.of("decision", "handoff", "score", "0.100", "handoff", "no_match")), now);
            if (turn[2] != null) conversations.append(c.id(), EventDraft.agent("小美", turn[2]), now);
        }

        List<MissGroup> groups = w.misses().groups(10);

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).count()).isEqualTo(2);
        assertThat(groups.get(0).agentReplies()).containsExactly("支持的,花呗分期3期免息~");
        w.editor().save(new Script("installments", "zh", "payment", List.of(groups.get(0).question()),
                "支持花呗分期哦,结算时选择分期即可~", null, null, null, null), null, "chen", groups.get(0).keys());
        assertThat(w.misses().groups(10)).singleElement()
                .satisfies(g -> assertThat(g.question()).isEqualTo("你们有实体店吗"));
    }
}
