package xiaoer.engine.chat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import xiaoer.engine.bot.Bot;
import xiaoer.engine.policy.OpeningHours;
import xiaoer.engine.routing.AgentStatus;
import xiaoer.engine.routing.QueueEntry;
import xiaoer.engine.routing.Router;
import xiaoer.engine.routing.RoutingSettings;
import xiaoer.engine.routing.RoutingState;
import xiaoer.engine.routing.SeatBoard;
import xiaoer.engine.routing.SeatRole;
import xiaoer.engine.routing.SeatSettings;
import xiaoer.engine.routing.SkillGroup;
import xiaoer.engine.routing.WaitingQueue;
import xiaoer.engine.testing.ForwardingWaitingQueue;
import xiaoer.engine.testing.MovableClock;
import xiaoer.engine.text.ServiceTexts;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Linter;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent goes offline with a chat open while another node's routing pass runs: the pass adopts the conversation
 * (stored as waiting, not yet back in the shared queue) just before the agent's own re-queue. The conversation must
 * stay waiting, not be put back to the agent who left (an AGENT row nobody owns, which no one can accept).
 */
class GiveBackRaceTests {

    private static final KnowledgeBase KB = KnowledgeBase.create(KnowledgeBase.builtinScripts());
    private static final Linter LINTER = new Linter();
    private static final ServiceTexts TEXTS = ServiceTexts.load();

    private final MovableClock clock = new MovableClock(Instant.parse("2024-02-14T03:00:00Z"));
    private final InMemoryConversationStore store = new InMemoryConversationStore();
    /** Runs the other node's routing pass once, right before the first re-queue of a conversation its agent left. */
    private Runnable beforeRequeue;
    private ChatEngine engine;

    private final WaitingQueue queue = new ForwardingWaitingQueue() {
        @Override
        public boolean add(QueueEntry entry) {
            Runnable race = beforeRequeue;
            if (race != null && entry.previousAgentId() != null) {
                beforeRequeue = null;
                race.run();
            }
            return super.add(entry);
        }
    };

    @Test
    void aConversationAdoptedByAnotherNodesPassWhileItsAgentLeavesStaysWaiting() {
        RoutingSettings settings = new RoutingSettings(Duration.ofSeconds(120), Duration.ofMinutes(10),
                ZoneId.of("Asia/Shanghai"));
        SeatBoard seats = new SeatBoard(SeatSettings.defaults(), clock);
        RoutingState state = RoutingState.inMemory(queue, RoutingState.inMemory().ledger(),
                RoutingState.inMemory().loads());
        Staffing staffing = new Staffing(new Router(settings, state, seats, clock), seats, new ShopDesk() {
            @Override
            public boolean hasOpenOrders(Visitor visitor) {
                return false;
            }

            @Override
            public String leaveMessage(Conversation conversation, String text) {
                return "20240214001";
            }
        });
        engine = new ChatEngine(store, Bot.withDefaults(KB, LINTER, TEXTS), LINTER, new InProcessEventBus(), TEXTS,
                clock, EngineSettings.defaults().withHumanHours(OpeningHours.aroundTheClock(ZoneOffset.UTC)),
                new SimpleMeterRegistry()).routeTo(staffing);
        seats.register("a1", "小美", SeatRole.AGENT, EnumSet.allOf(SkillGroup.class), 5);
        assertThat(engine.changeSeat("a1", AgentStatus.ONLINE, null).isDone()).isTrue();
        engine.connect(Visitor.anonymous("default", "v1"), 0);
        Ack ack = engine.receive(Visitor.anonymous("default", "v1"), "m1", "转人工");
        engine.respond(ack);
        Conversation held = store.findOpen("default", "v1").orElseThrow();
        assertThat(held.status()).isEqualTo(ConversationStatus.AGENT);

        beforeRequeue = () -> engine.tick(); // the lease holder's pass on the other node, at the worst moment
        assertThat(engine.changeSeat("a1", AgentStatus.OFFLINE, null).isDone()).isTrue();

        assertThat(beforeRequeue).as("the pass ran inside the re-queue").isNull();
        Conversation after = store.find(held.id()).orElseThrow();
        assertThat(after.status()).as("waiting again, as the queue says").isEqualTo(ConversationStatus.QUEUED);
        assertThat(staffing.router().position(held.id())).isNotEmpty();
        assertThat(staffing.router().assignment(held.id())).isEmpty();

        // and the next agent can take it
        seats.register("a2", "小林", SeatRole.AGENT, EnumSet.allOf(SkillGroup.class), 5);
        assertThat(engine.changeSeat("a2", AgentStatus.BUSY, null).isDone()).isTrue();
        Conversation picked = engine.accept(new AgentRef("a2", "小林"), held.id());
        assertThat(picked.status()).isEqualTo(ConversationStatus.AGENT);
        assertThat(picked.agentId()).isEqualTo("a2");
    }
}
