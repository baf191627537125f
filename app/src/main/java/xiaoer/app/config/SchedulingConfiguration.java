package xiaoer.app.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import xiaoer.engine.chat.ChatEngine;

/** Periodic work: the courtesy message to shoppers waiting in the queue. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class SchedulingConfiguration {

    private final ChatEngine engine;

    public SchedulingConfiguration(ChatEngine engine) {
        this.engine = engine;
    }

    @Scheduled(fixedDelayString = "${xiaoer.engine.courtesy-check:10s}")
    void remindWaitingShoppers() {
        engine.remindWaiting();
    }
}
