package xiaoer.app.routing;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import xiaoer.app.config.XiaoerProperties;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.Staffing;
import xiaoer.engine.routing.Router;
import xiaoer.engine.routing.RoutingSettings;
import xiaoer.engine.routing.RoutingState;
import xiaoer.engine.routing.SeatBoard;
import xiaoer.engine.routing.SeatSettings;
import xiaoer.engine.routing.ShiftHandovers;
import xiaoer.engine.shop.ShopService;
import xiaoer.console.agent.ConsoleSessions;
import xiaoer.console.agent.InMemoryConsoleSessions;
import xiaoer.console.agent.SeatAccounts;

import java.time.Clock;

/**
 * Puts the router and the seat board on the engine, and runs the routing pass every {@code xiaoer.routing.tick}.
 * The queue, assignments, seats and clocks live in a {@link RoutingState}: this node's memory (the embedded default),
 * or Redis when cluster mode provides one, with a {@link RoutingTickGate} so that one node runs the pass. The pass
 * also sets agents whose console has been gone for {@code xiaoer.routing.offline-after} OFFLINE ({@link AbsentAgents}).
 */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

    @Bean
    RoutingState routingState(ObjectProvider<SharedRoutingState> shared) {
        SharedRoutingState cluster = shared.getIfAvailable();
        return cluster == null ? RoutingState.inMemory() : cluster.state();
    }

    @Bean
    Staffing staffing(ChatEngine engine, ShopService shop, RoutingProperties routing, XiaoerProperties properties,
                      Clock clock, MeterRegistry metrics, RoutingState state) {
        RoutingSettings settings = new RoutingSettings(routing.silentAfter(), routing.queueTimeout(),
                properties.engine().humanHours().zone());
        SeatSettings seats = new SeatSettings(routing.maxAway(), routing.awayLimit(), SeatSettings.defaults().staffing());
        SeatBoard board = new SeatBoard(seats, clock, state.seats());
        Staffing staffing = new Staffing(new Router(settings, state, board, clock), board, new ShopServiceDesk(shop));
        engine.routeTo(staffing);
        metrics.gauge("xiaoer.queue.length", staffing, s -> s.router().waiting().size());
        metrics.gauge("xiaoer.seats.away", staffing, s -> s.seats().awayCount());
        return staffing;
    }

    @Bean
    SeatAccounts seatAccounts(JdbcTemplate jdbc) {
        return new JdbcSeatAccounts(jdbc);
    }

    @Bean
    ShiftHandovers shiftHandovers(Clock clock, RoutingState state) {
        return new ShiftHandovers(state.handovers(), clock);
    }

    /** Live console sessions: this node's memory, or shared through Redis when cluster mode provides them. */
    @Bean
    ConsoleSessions consoleSessions(ObjectProvider<SharedConsoleSessions> shared, Clock clock) {
        SharedConsoleSessions cluster = shared.getIfAvailable();
        return cluster == null ? new InMemoryConsoleSessions(clock) : cluster.sessions();
    }

    @Bean
    RoutingTicker routingTicker(ChatEngine engine, Staffing staffing, // staffing first: routing is on
                                ObjectProvider<RoutingTickGate> gate, ConsoleSessions sessions, Clock clock,
                                RoutingProperties routing, MeterRegistry metrics) {
        return new RoutingTicker(engine, gate.getIfAvailable(() -> RoutingTickGate.ALWAYS),
                new AbsentAgents(engine, staffing, sessions, clock, routing.offlineAfter(), metrics));
    }

    /**
     * Routing's state shared by the nodes, provided by cluster mode. A wrapper, not a second {@link RoutingState} bean,
     * so that the default above stays the one bean of that type either way.
     */
    public record SharedRoutingState(RoutingState state) {
    }

    /** Console sessions shared by the nodes, provided by cluster mode (a wrapper for the same reason as above). */
    public record SharedConsoleSessions(ConsoleSessions sessions) {
    }

    /** The periodic routing pass; {@code staffing} is a dependency so the engine routes before the first tick. */
    static final class RoutingTicker {

        private final ChatEngine engine;
        private final RoutingTickGate gate;
        private final AbsentAgents absent;

        RoutingTicker(ChatEngine engine, RoutingTickGate gate, AbsentAgents absent) {
            this.engine = engine;
            this.gate = gate;
            this.absent = absent;
        }

        @Scheduled(fixedDelayString = "${xiaoer.routing.tick:5s}", initialDelayString = "${xiaoer.routing.tick:5s}")
        void tick() {
            if (!gate.mayTick()) return;
            engine.tick();
            absent.sweep();
        }
    }
}
