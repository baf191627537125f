package xiaoer.engine.dialogue;

import xiaoer.engine.testing.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import xiaoer.engine.bot.Bot;
import xiaoer.engine.bot.RecordAnswers;
import xiaoer.engine.bot.RecordReply;
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
import xiaoer.engine.policy.CustomerTypeDetector;
import xiaoer.engine.policy.FollowUpResolver;
import xiaoer.engine.policy.HandoffRules;
import xiaoer.engine.policy.OpeningHours;
import xiaoer.engine.text.ServiceTexts;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.LintFinding;
import xiaoer.kb.Linter;
import xiaoer.kb.QuickReply;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** {@code -Ddialogue.trace=true}: print every turn's outcome (for writing new dialogues). */
    private static final boolean TRACE = Boolean.getBoolean("dialogue.trace");

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
        MovableClock clock = new MovableClock(NOON);
        Bot bot = new Bot(KB, LINTER, TEXTS, new CustomerTypeDetector(), new HandoffRules(), new FollowUpResolver(),
                new DialogueRecords("true".equals(with.get("bought"))));
        ChatEngine engine = new ChatEngine(store, bot, LINTER, new InProcessEventBus(), TEXTS, clock,
                EngineSettings.defaults().withHumanHours(hours), new SimpleMeterRegistry());
        boolean known = "true".equals(with.get("known"));
        Visitor visitor = new Visitor("default", "v-" + d.line(), known, known ? with.getOrDefault("name", "王女士") : null);
        ChatEngine.Connection connection = engine.connect(visitor, 0);
        String conversationId = connection.conversation().id();
        int n = 0;
        for (Dialogue.Turn turn : d.turns()) {
            String where = d.file() + ":" + turn.line() + " «" + turn.text() + "»";
            switch (turn.speaker()) {
                case "connect" -> {
                    checkEvents(where, turn.expected(), connection.missed(), store.find(conversationId).orElseThrow());
                }
                case "shopper" -> {
                    Ack ack = engine.receive(visitor, "m" + (++n), turn.text());
                    assertThat(ack.ok()).as(where + " acked").isTrue();
                    engine.respond(ack);
                    conversationId = ack.event().conversationId();
                    List<ChatEvent> after = eventsAfter(store, conversationId, ack.seq());
                    checkEvents(where, turn.expected(), after, store.find(conversationId).orElseThrow());
                }
                case "wait" -> {
                    long before = lastSeq(store, conversationId);
                    clock.advance(Duration.ofSeconds(Long.parseLong(turn.text().replace("s", ""))));
                    engine.remindWaiting();
                    checkEvents(where, turn.expected(), eventsAfter(store, conversationId, before),
                            store.find(conversationId).orElseThrow());
                }
                case "close" -> {
                    long before = lastSeq(store, conversationId);
                    Conversation c = store.find(conversationId).orElseThrow();
                    if (c.status() == ConversationStatus.QUEUED) engine.accept(AGENT, c.id());
                    engine.close(AGENT, conversationId);
                    checkEvents(where, turn.expected(), eventsAfter(store, conversationId, before),
                            store.find(conversationId).orElseThrow());
                }
                default -> {
                    long before = lastSeq(store, conversationId);
                    Conversation c = store.find(conversationId).orElseThrow();
                    if (c.status() == ConversationStatus.QUEUED) engine.accept(AGENT, c.id());
                    checkAgentTurn(where, turn, engine, conversationId);
                    Map<String, String> rest = new LinkedHashMap<>(turn.expected());
                    rest.remove("refused");
                    rest.remove("rule");
                    checkEvents(where, rest, eventsAfter(store, conversationId, before),
                            store.find(conversationId).orElseThrow());
                }
            }
        }
    }

    private static long lastSeq(InMemoryConversationStore store, String conversationId) {
        List<ChatEvent> history = store.history(conversationId);
        return history.isEmpty() ? 0 : history.get(history.size() - 1).seq();
    }

    private static List<ChatEvent> eventsAfter(InMemoryConversationStore store, String conversationId, long seq) {
        return store.history(conversationId).stream().filter(e -> e.seq() > seq && !e.internal()).toList();
    }

    /** Checks a turn's expectations on the events it produced (the bot's reply first among them). */
    private static void checkEvents(String where, Map<String, String> expected, List<ChatEvent> after,
                                    Conversation conversation) {
        ChatEvent bot = after.stream().filter(e -> e.from() == Sender.BOT).findFirst().orElse(null);
        List<ChatEvent> said = after.stream().filter(e -> e.from() != Sender.SHOPPER).toList();
        String replies = String.join(" / ", said.stream().map(ChatEvent::text).toList());
        if (TRACE) System.out.println("[dialogue] " + where + " → " + (bot == null ? "{}" : bot.meta()) + " " + replies);
        if (!expected.containsKey("lint")) {
            // whatever the turn, nothing the service itself says may break the lint (domain.md §3)
            List<LintFinding> findings = after.stream().filter(ev -> ev.from() == Sender.BOT || ev.from() == Sender.SYSTEM)
                    .flatMap(ev -> LINTER.check(ev.text()).stream()).toList();
            assertThat(findings).as(where + " lint findings on the service's own words: " + replies).isEmpty();
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String key = e.getKey();
            String want = e.getValue();
            switch (key) {
                case "decision", "script", "type", "variant", "handoff", "stage" -> {
                    String metaKey = switch (key) {
                        case "script" -> "scriptId";
                        case "type" -> "customerType";
                        default -> key;
                    };
                    String got = orDash(bot == null ? null : bot.meta().get(metaKey));
                    String as = where + " " + key + " (meta: " + (bot == null ? "no bot reply" : bot.meta())
                            + "; replies: " + replies + ")";
                    if (want.endsWith("*")) {
                        // a family of scripts: aftersales.* is any after-sales script
                        assertThat(got).as(as).startsWith(want.substring(0, want.length() - 1));
                    } else {
                        assertThat(got).as(as).isEqualTo(want);
                    }
                }
                case "menu" -> {
                    List<String> labels = bot == null ? List.of()
                            : bot.quickReplies().stream().map(QuickReply::label).toList();
                    assertThat(labels).as(where + " quick replies (replies: " + replies + ")")
                            .contains(want.split(","));
                }
                case "status" -> assertThat(conversation.status().name().toLowerCase()).as(where + " status")
                        .isEqualTo(want);
                case "lint" -> {
                    List<LintFinding> findings = said.stream().flatMap(ev -> LINTER.check(ev.text()).stream()).toList();
                    assertThat(findings.size()).as(where + " lint findings on " + replies + ": " + findings)
                            .isEqualTo(Integer.parseInt(want));
                }
                case "says" -> {
                    for (String part : want.split("\u0000")) {
                        assertThat(replies).as(where + " says").contains(part);
                    }
                }
                case "never" -> {
                    for (String part : want.split("\u0000")) {
                        assertThat(replies).as(where + " never says").doesNotContain(part);
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

    /**
     * The shop's records as far as dialogues need them: whether the customer bought ({@code with: bought=true}) and
     * complaint tickets numbered like the manuals' archive (date + sequence). No orders: scripts answer from the KB.
     */
    private static final class DialogueRecords implements RecordAnswers {
        private final boolean bought;
        private int tickets;

        DialogueRecords(boolean bought) {
            this.bought = bought;
        }

        @Override
        public Optional<RecordReply> answer(String scriptId, Visitor visitor, String conversationId,
                                            List<String> shopperTexts) {
            return Optional.empty();
        }

        @Override
        public boolean fillsSlot(String text) {
            return false;
        }

        @Override
        public boolean hasBought(Visitor visitor) {
            return bought;
        }

        @Override
        public String openComplaint(Visitor visitor, String conversationId, String text) {
            return String.format("20261124%03d", ++tickets);
        }
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
