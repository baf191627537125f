package xiaoer.engine.chat;

import xiaoer.engine.testing.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import xiaoer.engine.bot.Bot;
import xiaoer.engine.policy.OpeningHours;
import xiaoer.engine.routing.AgentStatus;
import xiaoer.engine.routing.RoutingSettings;
import xiaoer.engine.routing.SeatRole;
import xiaoer.engine.routing.SeatSettings;
import xiaoer.engine.routing.SkillGroup;
import xiaoer.engine.text.ServiceTexts;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Linter;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine wired to the router (issue 7): hand-off, automatic assignment, picks, transfers, timeout, survey. */
class ChatEngineRoutingTests {

    private static final KnowledgeBase KB = KnowledgeBase.create(KnowledgeBase.builtinScripts());
    private static final Linter LINTER = new Linter();
    private static final ServiceTexts TEXTS = ServiceTexts.load();

    private final MovableClock clock = new MovableClock(Instant.parse("2024-02-14T03:00:00Z"));
    private final List<String> leftMessages = new ArrayList<>();
    private InMemoryConversationStore store;
    private ChatEngine engine;
    private Staffing staffing;

    @BeforeEach
    void engine() {
        store = new InMemoryConversationStore();
        ShopDesk desk = new ShopDesk() {
            @Override
            public boolean hasOpenOrders(Visitor visitor) {
                return false;
            }

            @Override
            public String leaveMessage(Conversation conversation, String text) {
                leftMessages.add(text);
                return "20240214001";
            }
        };
        staffing = Staffing.inMemory(new RoutingSettings(Duration.ofSeconds(120), Duration.ofMinutes(10),
                ZoneId.of("Asia/Shanghai")), SeatSettings.defaults(), desk, clock);
        engine = new ChatEngine(store, Bot.withDefaults(KB, LINTER, TEXTS), LINTER, new InProcessEventBus(), TEXTS,
                clock, EngineSettings.defaults().withHumanHours(OpeningHours.aroundTheClock(ZoneOffset.UTC)),
                new SimpleMeterRegistry()).routeTo(staffing);
    }

    @Test
    void handOffIsAssignedAtOnceAndCloseFreesTheSeatForTheNextShopper() {
        seat("a1", "小美", 1, AgentStatus.ONLINE);

        Conversation first = askForPerson("v1");
        assertThat(first.status()).isEqualTo(ConversationStatus.AGENT);
        assertThat(first.agentId()).isEqualTo("a1");
        assertThat(texts(first.id())).anyMatch(t -> t.contains("不好意思让您久等了") && t.contains("小美"));

        Conversation second = askForPerson("v2");
        assertThat(second.status()).as("a1 is at capacity").isEqualTo(ConversationStatus.QUEUED);
        assertThat(texts(second.id())).anyMatch(t -> t.contains("排在第 1 位"));

        engine.close(new AgentRef("a1", "小美"), first.id());
        assertThat(engine.conversation(second.id()).orElseThrow().agentId()).isEqualTo("a1");
        assertThat(engine.conversation(second.id()).orElseThrow().status()).isEqualTo(ConversationStatus.AGENT);
        assertThat(staffing.router().agents().get(0).load()).isEqualTo(1);

        // the survey reached the first shopper, and their answer is stored on that conversation
        assertThat(engine.history(first.id()).get(engine.history(first.id()).size() - 1).quickReplies())
                .extracting(q -> q.label()).containsExactly("满意", "一般", "不满意");
        Ack ack = engine.receive(Visitor.anonymous("default", "v1"), "m-survey", "满意");
        engine.respond(ack);
        assertThat(ack.event().conversationId()).isEqualTo(first.id());
        assertThat(engine.history(first.id())).anyMatch(e -> Survey.SATISFIED.equals(e.meta().get(Survey.META_KEY))
                && e.from() == Sender.SYSTEM);
        assertThat(store.findOpen("default", "v1")).isEmpty();
    }

    @Test
    void twoAgentsPickingAtOnceNeverBothGetTheConversation() throws Exception {
        seat("a1", "小美", 30, AgentStatus.BUSY); // busy: not routed to, but may pick
        seat("a2", "小林", 30, AgentStatus.BUSY);
        for (int round = 0; round < 20; round++) {
            Conversation waiting = askForPerson("pick-" + round);
            assertThat(waiting.status()).isEqualTo(ConversationStatus.QUEUED);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> picks = new ArrayList<>();
                for (AgentRef agent : List.of(new AgentRef("a1", "小美"), new AgentRef("a2", "小林"))) {
                    picks.add(pool.submit((Callable<String>) () -> {
                        start.await();
                        try {
                            return engine.accept(agent, waiting.id()).agentId();
                        } catch (ChatException e) {
                            return "refused:" + e.code();
                        }
                    }));
                }
                start.countDown();
                List<String> results = new ArrayList<>();
                for (Future<String> f : picks) results.add(f.get());
                assertThat(results).filteredOn(r -> !r.startsWith("refused")).hasSize(1);
                assertThat(results).filteredOn(r -> r.startsWith("refused")).containsExactly("refused:not_waiting");
                Conversation after = engine.conversation(waiting.id()).orElseThrow();
                assertThat(after.agentId()).isIn(results);
                assertThat(engine.history(waiting.id())).filteredOn(e -> "joined".equals(e.meta().get("stage")))
                        .hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
        int total = staffing.router().agents().stream().mapToInt(a -> a.load()).sum();
        assertThat(total).isEqualTo(20);
    }

    @Test
    void assignmentSpreadsAndATransferCarriesItsNoteToTheNextAgent() {
        seat("a1", "小美", 10, AgentStatus.ONLINE);
        seat("a2", "小林", 10, AgentStatus.ONLINE);
        Conversation one = askForPerson("s1");
        Conversation two = askForPerson("s2");
        assertThat(List.of(one.agentId(), two.agentId())).containsExactlyInAnyOrder("a1", "a2");

        AgentRef from = new AgentRef(one.agentId(), "from");
        String to = one.agentId().equals("a1") ? "a2" : "a1";
        Conversation moved = engine.transferToAgent(from, one.id(), to, "顾客要开发票，请跟进");
        assertThat(moved.agentId()).isEqualTo(to);
        assertThat(engine.history(one.id())).anyMatch(e -> e.internal() && e.text().contains("开发票"));
        assertThat(store.eventsAfter("default", "s1", 0)).noneMatch(e -> e.text().contains("开发票"));
    }

    @Test
    void aShopperPastTheQueueTimeoutMayLeaveAMessageThatBecomesATicket() {
        Conversation waiting = askForPerson("late");
        assertThat(waiting.status()).isEqualTo(ConversationStatus.QUEUED);
        clock.advance(Duration.ofMinutes(11));
        engine.tick();
        assertThat(engine.history(waiting.id())).anyMatch(e -> e.quickReplies().stream()
                .anyMatch(q -> q.label().equals("留言")));

        say("late", "留言");
        say("late", "请明天下午给我回电话 13800000000");
        assertThat(leftMessages).containsExactly("请明天下午给我回电话 13800000000");
        assertThat(engine.conversation(waiting.id()).orElseThrow().status()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(texts(waiting.id())).anyMatch(t -> t.contains("20240214001"));
        assertThat(staffing.router().waiting()).isEmpty();
    }

    @Test
    void aWaitingShopperIsToldWhenTheirPlaceImproves() {
        Conversation first = askForPerson("q1");
        Conversation second = askForPerson("q2");
        assertThat(texts(second.id())).anyMatch(t -> t.contains("排在第 2 位"));
        seat("a1", "小美", 1, AgentStatus.ONLINE);
        assertThat(engine.conversation(first.id()).orElseThrow().agentId()).isEqualTo("a1");
        engine.tick();
        engine.tick();
        assertThat(texts(second.id())).filteredOn(t -> t.contains("排在第 1 位")).hasSize(1);
    }

    @Test
    void chatsStoredWithAnAgentAreTheirsAgainWhenTheyComeBackAfterARestartAndGoBackWhenTheyLeave() {
        seat("a1", "小美", 5, AgentStatus.ONLINE);
        Conversation held = askForPerson("v-restart");
        assertThat(held.agentId()).isEqualTo("a1");

        // a restart: the store keeps the chat, routing starts empty (no seats, no assignments)
        staffing = Staffing.inMemory(new RoutingSettings(Duration.ofSeconds(120), Duration.ofMinutes(10),
                ZoneId.of("Asia/Shanghai")), SeatSettings.defaults(), staffing.desk(), clock);
        engine = new ChatEngine(store, Bot.withDefaults(KB, LINTER, TEXTS), LINTER, new InProcessEventBus(), TEXTS,
                clock, EngineSettings.defaults().withHumanHours(OpeningHours.aroundTheClock(ZoneOffset.UTC)),
                new SimpleMeterRegistry()).routeTo(staffing);
        seat("a1", "小美", 5, AgentStatus.ONLINE);
        assertThat(engine.releaseChatsOfOffline("a1")).as("a1 is back online: keeps the chat").isZero();
        assertThat(engine.conversation(held.id()).orElseThrow().status()).isEqualTo(ConversationStatus.AGENT);
        assertThat(staffing.router().assignment(held.id())).as("routing holds it again")
                .hasValueSatisfying(a -> assertThat(a.agentId()).isEqualTo("a1"));
        assertThat(staffing.router().agents().get(0).load()).isEqualTo(1);
        int events = engine.history(held.id()).size();
        assertThat(engine.changeSeat("a1", AgentStatus.BUSY, null).isDone()).isTrue();
        assertThat(staffing.router().agents().get(0).load()).as("resumed once").isEqualTo(1);
        assertThat(engine.history(held.id())).as("the shopper is told nothing").hasSize(events);

        assertThat(engine.changeSeat("a1", AgentStatus.OFFLINE, null).isDone()).isTrue();
        assertThat(engine.conversation(held.id()).orElseThrow().status())
                .as("going offline gives the chat back").isEqualTo(ConversationStatus.QUEUED);
        assertThat(staffing.router().position(held.id())).isNotEmpty();
        assertThat(staffing.router().waiting().get(0).previousAgentId()).as("theirs again if they return")
                .isEqualTo("a1");
        assertThat(engine.releaseChatsOfOffline("a1")).as("nothing left to give back").isZero();

        seat("a2", "小林", 5, AgentStatus.ONLINE);
        assertThat(engine.conversation(held.id()).orElseThrow().agentId()).isEqualTo("a2");
    }

    @Test
    void anAgentUnknownSinceARestartHasTheirStoredChatsReleasedOnRequest() {
        seat("a1", "小美", 5, AgentStatus.ONLINE);
        Conversation held = askForPerson("v-gone");
        staffing = Staffing.inMemory(new RoutingSettings(Duration.ofSeconds(120), Duration.ofMinutes(10),
                ZoneId.of("Asia/Shanghai")), SeatSettings.defaults(), staffing.desk(), clock);
        engine = new ChatEngine(store, Bot.withDefaults(KB, LINTER, TEXTS), LINTER, new InProcessEventBus(), TEXTS,
                clock, EngineSettings.defaults().withHumanHours(OpeningHours.aroundTheClock(ZoneOffset.UTC)),
                new SimpleMeterRegistry()).routeTo(staffing);

        assertThat(engine.releaseChatsOfOffline("a1")).isEqualTo(1);
        Conversation back = engine.conversation(held.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(ConversationStatus.QUEUED);
        assertThat(engine.waiting()).extracting(Conversation::id).containsExactly(held.id());
        assertThat(engine.ownedBy("a1")).isEmpty();
    }

    @Test
    void anEnglishShopperIsToldTheirPlaceGreetedAndSurveyedInEnglish() {
        Conversation waiting = askForPerson("v-en", "Can I talk to an agent please?");
        assertThat(waiting.status()).isEqualTo(ConversationStatus.QUEUED);
        assertThat(texts(waiting.id())).anyMatch(t -> t.contains("You are number 1 in the queue"))
                .noneMatch(t -> t.contains("排在第"));

        seat("a1", "Mei", 5, AgentStatus.ONLINE);
        assertThat(texts(waiting.id())).anyMatch(t -> t.contains("I'm Mei from customer service"));

        engine.close(new AgentRef("a1", "Mei"), waiting.id());
        List<ChatEvent> history = engine.history(waiting.id());
        assertThat(history.get(history.size() - 1).quickReplies()).extracting(q -> q.label())
                .containsExactly("Satisfied", "Okay", "Not satisfied");
        String satisfied = history.get(history.size() - 1).quickReplies().get(0).text();
        Ack ack = engine.receive(Visitor.anonymous("default", "v-en"), "m-survey-en", satisfied);
        engine.respond(ack);
        assertThat(ack.event().conversationId()).as("the answer belongs to the closed chat").isEqualTo(waiting.id());
        assertThat(engine.history(waiting.id())).anyMatch(e -> Survey.SATISFIED.equals(e.meta().get(Survey.META_KEY))
                && e.from() == Sender.SYSTEM && e.text().startsWith("Thank you for your rating"));

        // back the next day: greeted in English before saying anything
        clock.advance(Duration.ofDays(1));
        List<ChatEvent> back = engine.connect(Visitor.anonymous("default", "v-en"), 0).missed();
        ChatEvent greeting = back.get(back.size() - 1);
        assertThat(greeting.conversationId()).isNotEqualTo(waiting.id());
        assertThat(greeting.text()).startsWith("Hello and welcome!");
        assertThat(greeting.quickReplies()).extracting(q -> q.label()).contains("Track my order", "Talk to a person");
        ChatEvent first = engine.connect(Visitor.anonymous("default", "v-first-time"), 0).missed().get(0);
        assertThat(first.text()).as("a first visit is greeted in Chinese").startsWith("您好，欢迎光临");
    }

    @Test
    void aFirstVisitFromAnEnglishPageIsGreetedInEnglishAReturningChineseShopperInChinese() {
        ChatEvent first = engine.connect(Visitor.anonymous("default", "v-page-en"), 0, "en").missed().get(0);
        assertThat(first.text()).startsWith("Hello and welcome!");

        Conversation chinese = askForPerson("v-zh-then-en-page");
        seat("a1", "小美", 5, AgentStatus.ONLINE);
        engine.close(new AgentRef("a1", "小美"), chinese.id());
        clock.advance(Duration.ofDays(1));
        List<ChatEvent> back = engine.connect(Visitor.anonymous("default", "v-zh-then-en-page"), 0, "en").missed();
        assertThat(back.get(back.size() - 1).text()).as("the language they chatted in wins over the page's")
                .startsWith("您好，欢迎光临");
    }

    private void seat(String id, String name, int capacity, AgentStatus status) {
        staffing.seats().register(id, name, SeatRole.AGENT, EnumSet.allOf(SkillGroup.class), capacity);
        assertThat(engine.changeSeat(id, status, null).isDone()).isTrue();
    }

    private Conversation askForPerson(String visitorId) {
        return askForPerson(visitorId, "转人工");
    }

    private Conversation askForPerson(String visitorId, String request) {
        clock.advance(Duration.ofSeconds(1));
        engine.connect(Visitor.anonymous("default", visitorId), 0);
        say(visitorId, request);
        return store.findOpen("default", visitorId).orElseThrow();
    }

    private int messageNo;

    private void say(String visitorId, String text) {
        Ack ack = engine.receive(Visitor.anonymous("default", visitorId), "m" + (++messageNo), text);
        assertThat(ack.ok()).isTrue();
        engine.respond(ack);
    }

    private List<String> texts(String conversationId) {
        return engine.history(conversationId).stream().map(ChatEvent::text).toList();
    }
}
