package xiaoer.engine.chat;

import java.util.function.Consumer;

/** Carries engine events to every node's widget server and consoles (in-process by default, Redis in a cluster). */
public interface EventBus {

    void publish(EngineEvent event);

    void subscribe(Consumer<EngineEvent> listener);
}
