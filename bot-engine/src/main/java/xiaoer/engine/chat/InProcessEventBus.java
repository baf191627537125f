package xiaoer.engine.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The embedded default: listeners are called on the publishing thread; one failing listener does not stop others. */
public final class InProcessEventBus implements EventBus {

    private static final Logger log = LoggerFactory.getLogger(InProcessEventBus.class);
    private final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(EngineEvent event) {
        for (Consumer<EngineEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("event listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public void subscribe(Consumer<EngineEvent> listener) {
        listeners.add(listener);
    }
}
