package xiaoer.app.routing;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import xiaoer.app.config.XiaoerProperties;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.Staffing;
import xiaoer.engine.routing.HandoverStore;
import xiaoer.engine.routing.InMemoryHandoverStore;
import xiaoer.engine.routing.RoutingSettings;
import xiaoer.engine.routing.SeatSettings;
import xiaoer.engine.routing.ShiftHandovers;
import xiaoer.engine.shop.ShopService;
import xiaoer.console.agent.SeatAccounts;

import java.time.Clock;

/**
 * Puts the router and the seat board on the engine, and runs the routing pass every {@code xiaoer.routing.tick}.
 * The queue, assignments and seats live in this node's memory (the embedded default).
 */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

    @Bean
    Staffing staffing(ChatEngine engine, ShopService shop, RoutingProperties routing, XiaoerProperties properties,
                      Clock clock, MeterRegistry metrics) {
        RoutingSettings settings = new RoutingSettings(routing.silentAfter(), routing.queueTimeout(),
                properties.engine().humanHours().zone());
        SeatSettings seats = new SeatSettings(routing.maxAway(), routing.awayLimit(), SeatSettings.defaults().staffing());
        Staffing staffing = Staffing.inMemory(settings, seats, new ShopServiceDesk(shop), clock);
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
    ShiftHandovers shiftHandovers(Clock clock) {
        HandoverStore store = new InMemoryHandoverStore();
        return new ShiftHandovers(store, clock);
    }

    @Bean
    RoutingTicker routingTicker(ChatEngine engine, Staffing staffing) { // staffing first: routing is on
        return new RoutingTicker(engine);
    }

    /** The periodic routing pass; {@code staffing} is a dependency so the engine routes before the first tick. */
    static final class RoutingTicker {

        private final ChatEngine engine;

        RoutingTicker(ChatEngine engine) {
            this.engine = engine;
        }

        @Scheduled(fixedDelayString = "${xiaoer.routing.tick:5s}", initialDelayString = "${xiaoer.routing.tick:5s}")
        void tick() {
            engine.tick();
        }
    }
}
