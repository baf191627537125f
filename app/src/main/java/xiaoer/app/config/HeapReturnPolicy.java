package xiaoer.app.config;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Gives heap the server no longer needs back to the operating system. A sale's peak (thousands of widgets connecting
 * at 8 pm) makes the JVM commit a lot more heap than the connections keep alive; by default the JVM may keep up to 70 %
 * of its heap free and committed after a collection, and it collects rarely once the shop is quiet, so the process
 * stays at its peak size. This lowers that share ({@code xiaoer.memory.max-heap-free-percent}) and lets G1 run a
 * concurrent collection when none ran for {@code xiaoer.memory.idle-gc-interval}, which is when the heap shrinks.
 *
 * <p>Only JVM flags still at their defaults are changed: what an operator set on the command line wins. The flags are
 * "manageable" ones, the kind the JVM lets a running process change; 0 leaves a flag alone.
 */
@Component
public class HeapReturnPolicy {

    private static final Logger log = LoggerFactory.getLogger(HeapReturnPolicy.class);

    static final String MAX_FREE = "MaxHeapFreeRatio";
    static final String MIN_FREE = "MinHeapFreeRatio";
    static final String IDLE_GC = "G1PeriodicGCInterval";

    private final Map<String, String> wanted = new LinkedHashMap<>();

    public HeapReturnPolicy(@Value("${xiaoer.memory.max-heap-free-percent:40}") int maxFreePercent,
                            @Value("${xiaoer.memory.min-heap-free-percent:20}") int minFreePercent,
                            @Value("${xiaoer.memory.idle-gc-interval:60s}") Duration idleGcInterval) {
        if (maxFreePercent < 0 || maxFreePercent > 100 || minFreePercent < 0 || minFreePercent > 100) {
            throw new IllegalArgumentException("xiaoer.memory.*-heap-free-percent must be 0..100 (0 = the JVM's default)");
        }
        if (maxFreePercent > 0 && minFreePercent > maxFreePercent) {
            throw new IllegalArgumentException("xiaoer.memory.min-heap-free-percent (" + minFreePercent
                    + ") is above max-heap-free-percent (" + maxFreePercent + ")");
        }
        if (idleGcInterval.isNegative()) {
            throw new IllegalArgumentException("xiaoer.memory.idle-gc-interval must not be negative (0 = off)");
        }
        // the minimum first: the JVM refuses a maximum below the current minimum
        if (minFreePercent > 0) wanted.put(MIN_FREE, Integer.toString(minFreePercent));
        if (maxFreePercent > 0) wanted.put(MAX_FREE, Integer.toString(maxFreePercent));
        if (!idleGcInterval.isZero()) wanted.put(IDLE_GC, Long.toString(idleGcInterval.toMillis()));
    }

    @EventListener(ApplicationStartedEvent.class)
    void apply() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        Map<String, String> changes = changes(name -> {
            try {
                return Optional.of(vm.getVMOption(name));
            } catch (IllegalArgumentException notThisJvm) { // G1PeriodicGCInterval under another collector
                return Optional.empty();
            }
        });
        changes.forEach((name, value) -> {
            try {
                vm.setVMOption(name, value);
            } catch (RuntimeException e) {
                log.info("JVM flag {} left as it is ({})", name, e.getMessage());
            }
        });
        if (!changes.isEmpty()) log.info("heap return: {}", changes);
    }

    /** The flags to set: the wanted ones this JVM has, may change, and still holds at their defaults. */
    Map<String, String> changes(Function<String, Optional<VMOption>> current) {
        Map<String, String> out = new LinkedHashMap<>();
        wanted.forEach((name, value) -> current.apply(name)
                .filter(o -> o.isWriteable() && o.getOrigin() == VMOption.Origin.DEFAULT && !o.getValue().equals(value))
                .ifPresent(o -> out.put(name, value)));
        return out;
    }
}
