package xiaoer.console.lead;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.routing.RoutingTick;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pushes what each routing pass found to the leads' consoles on {@code /topic/lead}: newly silent agents (the lead may
 * reassign), timeouts and assignments; the lead page refreshes its board on every push.
 */
@Component
public class LeadRelay implements SmartInitializingSingleton {

    public static final String TOPIC = "/topic/lead";

    private final ChatEngine engine;
    private final SimpMessagingTemplate messaging;

    public LeadRelay(ChatEngine engine, SimpMessagingTemplate messaging) {
        this.engine = engine;
        this.messaging = messaging;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (engine.staffing().isPresent()) engine.onTick(this::relay);
    }

    void relay(RoutingTick tick) {
        Map<String, Object> push = new LinkedHashMap<>();
        push.put("type", "tick");
        push.put("silent", tick.newlySilent());
        push.put("assigned", tick.assigned().size());
        push.put("timedOut", tick.timedOut().size());
        messaging.convertAndSend(TOPIC, (Object) push);
    }
}
