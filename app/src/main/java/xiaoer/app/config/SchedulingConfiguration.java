package xiaoer.app.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import xiaoer.app.routing.RoutingTickGate;
import xiaoer.engine.chat.ChatEngine;

/**
 * Periodic work: the courtesy message to shoppers waiting in the queue. In cluster mode only the node that runs the
 * routing pass sends it, so two nodes never both remind the same shopper (nor all read every waiting history).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class SchedulingConfiguration {

    private final ChatEngine engine;
    private final ObjectProvider<RoutingTickGate> gate;

    public SchedulingConfiguration(ChatEngine engine, ObjectProvider<RoutingTickGate> gate) {
        this.engine = engine;
        this.gate = gate;
    }

    @Scheduled(fixedDelayString = "${xiaoer.engine.courtesy-check:10s}")
    void remindWaitingShoppers() {
        if (!gate.getIfAvailable(() -> RoutingTickGate.ALWAYS).mayTick()) return;
        engine.remindWaiting();
    }
}
