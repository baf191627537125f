package xiaoer.engine.dialogue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import xiaoer.engine.bot.Bot;
import xiaoer.engine.chat.Ack;
import xiaoer.engine.chat.AgentRef;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.ConversationStatus;
import xiaoer.engine.chat.EngineSettings;
import xiaoer.engine.chat.InMemoryConversationStore;
import xiaoer.engine.chat.InProcessEventBus;
import xiaoer.engine.chat.LintRejectedException;
import xiaoer.engine.chat.Sender;
import xiaoer.engine.chat.Visitor;
import xiaoer.engine.policy.OpeningHours;
import xiaoer.engine.text.ServiceTexts;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.LintFinding;
import xiaoer.kb.Linter;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs every conversation of {@code src/test/resources/dialogues/*.dialog} through the real engine: store, knowledge
 * base, customer types, hand-off rules, lint. See {@link DialogueFile} for the format.
 */
class DialogueTest {

    private static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");
    /** Noon in the shop's zone: people are on duty unless a dialogue says {@code hours=closed}. */
    private static final Instant NOON = Instant.parse("2026-11-24T04:00:00Z");
    private static final AgentRef AGENT = new AgentRef("agent", "小美");
    private static final KnowledgeBase KB = KnowledgeBase.create(KnowledgeBase.builtinScripts());
    private static final Linter LINTER = new Linter();
    private static final ServiceTexts TEXTS = ServiceTexts.load();

    @TestFactory
    Stream<DynamicTest> dialogues() throws IOException, URISyntaxException {
        Path dir = Path.of(DialogueTest.class.getResource("/dialogues").toURI());
        List<Dialogue> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".dialog")).sorted().toList()) {
                try (Reader r = new InputStreamReader(Files.newInputStream(f), StandardCharsets.UTF_8)) {
                    all.addAll(DialogueFile.read(f.getFileName().toString(), r));
                }
            }
        }
        assertThat(all).as("dialogues found").isNotEmpty();
        return all.stream().map(d -> DynamicTest.dynamicTest(d.file() + ":" + d.line() + " " + d.title(), () -> run(d)));
    }

    private static void run(Dialogue d) {
        Map<String, String> with = d.settings();
        OpeningHours hours = "closed".equals(with.get("hours"))
                ? new OpeningHours(EnumSet.of(java.time.DayOfWeek.SUNDAY), LocalTime.of(3, 0), LocalTime.of(4, 0), SHOP_ZONE)
                : OpeningHours.aroundTheClock(SHOP_ZONE);
        InMemoryConversationStore store = new InMemoryConversationStore();
        ChatEngine engine = new ChatEngine(store, Bot.withDefaults(KB, LINTER, TEXTS), LINTER, new InProcessEventBus(),
                TEXTS, Clock.fixed(NOON, ZoneOffset.UTC), EngineSettings.defaults().withHumanHours(hours),
                new SimpleMeterRegistry());
        boolean known = "true".equals(with.get("known"));
        Visitor visitor = new Visitor("default", "v-" + d.line(), known, known ? with.getOrDefault("name", "王女士") : null);
        ChatEngine.Connection connection = engine.connect(visitor, 0);
        String conversationId = connection.conversation().id();
        int n = 0;
        for (Dialogue.Turn turn : d.turns()) {
            String where = d.file() + ":" + turn.line() + " «" + turn.text() + "»";
            if (turn.speaker().equals("shopper")) {
                Ack ack = engine.receive(visitor, "m" + (++n), turn.text());
                assertThat(ack.ok()).as(where + " acked").isTrue();
                engine.respond(ack);
                conversationId = ack.event().conversationId();
                List<ChatEvent> after = store.history(conversationId).stream().filter(e -> e.seq() > ack.seq()).toList();
                checkShopperTurn(where, turn.expected(), after, store.find(conversationId).orElseThrow());
            } else {
                Conversation c = store.find(conversationId).orElseThrow();
                if (c.status() == ConversationStatus.QUEUED) engine.accept(AGENT, c.id());
                checkAgentTurn(where, turn, engine, conversationId);
            }
        }
    }

    private static void checkShopperTurn(String where, Map<String, String> expected, List<ChatEvent> after,
                                         Conversation conversation) {
        ChatEvent bot = after.stream().filter(e -> e.from() == Sender.BOT).findFirst().orElse(null);
        String replies = String.join(" / ", after.stream().map(ChatEvent::text).toList());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String key = e.getKey();
            String want = e.getValue();
            switch (key) {
                case "decision", "script", "type", "variant", "handoff" -> {
                    String metaKey = switch (key) {
                        case "script" -> "scriptId";
                        case "type" -> "customerType";
                        default -> key;
                    };
                    String got = bot == null ? null : bot.meta().get(metaKey);
                    assertThat(orDash(got)).as(where + " " + key + " (replies: " + replies + ")").isEqualTo(want);
                }
                case "status" -> assertThat(conversation.status().name().toLowerCase()).as(where + " status")
                        .isEqualTo(want);
                case "lint" -> {
                    List<LintFinding> findings = after.stream().flatMap(ev -> LINTER.check(ev.text()).stream()).toList();
                    assertThat(findings.size()).as(where + " lint findings on " + replies + ": " + findings)
                            .isEqualTo(Integer.parseInt(want));
                }
                case "says" -> {
                    for (String part : want.split("\u0000")) {
                        assertThat(replies).as(where + " says").contains(part);
                    }
                }
                default -> fail(where + ": unknown expectation " + key);
            }
        }
    }

    private static void checkAgentTurn(String where, Dialogue.Turn turn, ChatEngine engine, String conversationId) {
        String refused = turn.expected().get("refused");
        try {
            engine.agentReply(AGENT, conversationId, turn.text());
            assertThat(refused).as(where + " should have been refused").isNull();
        } catch (LintRejectedException e) {
            assertThat(refused).as(where + " refused unexpectedly: " + e.findings()).isEqualTo("lint");
            String rule = turn.expected().get("rule");
            if (rule != null) {
                assertThat(e.findings().stream().map(LintFinding::rule).toList()).as(where + " rules").contains(rule);
            }
            assertThat(e.findings()).allSatisfy(f -> assertThat(f.suggestion()).as("suggestion").isNotBlank());
        }
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
