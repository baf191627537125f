package xiaoer.app.config;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HeapReturnPolicyTests {

    private static VMOption flag(String name, String value, VMOption.Origin origin) {
        return new VMOption(name, value, true, origin);
    }

    @Test
    void setsTheFlagsStillAtTheirDefaultsMinimumFirst() {
        HeapReturnPolicy policy = new HeapReturnPolicy(40, 20, Duration.ofSeconds(60));
        Map<String, VMOption> jvm = Map.of(
                HeapReturnPolicy.MAX_FREE, flag(HeapReturnPolicy.MAX_FREE, "70", VMOption.Origin.DEFAULT),
                HeapReturnPolicy.MIN_FREE, flag(HeapReturnPolicy.MIN_FREE, "40", VMOption.Origin.DEFAULT),
                HeapReturnPolicy.IDLE_GC, flag(HeapReturnPolicy.IDLE_GC, "0", VMOption.Origin.DEFAULT));

        Map<String, String> changes = policy.changes(name -> Optional.ofNullable(jvm.get(name)));

        assertThat(changes).containsExactly(Map.entry(HeapReturnPolicy.MIN_FREE, "20"),
                Map.entry(HeapReturnPolicy.MAX_FREE, "40"), Map.entry(HeapReturnPolicy.IDLE_GC, "60000"));
    }

    @Test
    void whatTheOperatorSetOrTheJvmCannotChangeIsLeftAlone() {
        HeapReturnPolicy policy = new HeapReturnPolicy(40, 20, Duration.ofSeconds(60));
        Map<String, VMOption> jvm = Map.of(
                HeapReturnPolicy.MAX_FREE, flag(HeapReturnPolicy.MAX_FREE, "80", VMOption.Origin.VM_CREATION),
                HeapReturnPolicy.MIN_FREE, new VMOption(HeapReturnPolicy.MIN_FREE, "40", false, VMOption.Origin.DEFAULT));
        // no G1PeriodicGCInterval: another collector

        assertThat(policy.changes(name -> Optional.ofNullable(jvm.get(name)))).isEmpty();
    }

    @Test
    void zeroTurnsAFlagOff() {
        HeapReturnPolicy policy = new HeapReturnPolicy(0, 0, Duration.ZERO);

        assertThat(policy.changes(name -> Optional.of(flag(name, "1", VMOption.Origin.DEFAULT)))).isEmpty();
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HeapReturnPolicy(101, 20, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new HeapReturnPolicy(30, 50, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new HeapReturnPolicy(40, 20, Duration.ofSeconds(-1)));
    }

    @Test
    void appliedToThisJvmTheFlagsTakeTheirValues() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        // only a flag this test JVM still holds at its default can show the change (an app test may have run first)
        boolean untouched = vm.getVMOption(HeapReturnPolicy.MAX_FREE).getOrigin() == VMOption.Origin.DEFAULT
                && vm.getVMOption(HeapReturnPolicy.MIN_FREE).getOrigin() == VMOption.Origin.DEFAULT;
        new HeapReturnPolicy(45, 15, Duration.ZERO).apply();

        if (untouched) {
            assertThat(vm.getVMOption(HeapReturnPolicy.MAX_FREE).getValue()).isEqualTo("45");
            assertThat(vm.getVMOption(HeapReturnPolicy.MIN_FREE).getValue()).isEqualTo("15");
        }
        assertThat(vm.getVMOption(HeapReturnPolicy.MAX_FREE).getOrigin()).isNotEqualTo(VMOption.Origin.DEFAULT);
    }
}
