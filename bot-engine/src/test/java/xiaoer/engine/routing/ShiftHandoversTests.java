package xiaoer.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShiftHandoversTests {

    private MutableClock clock;
    private ShiftHandovers handovers;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2024-02-14T18:00");
        AtomicInteger seq = new AtomicInteger();
        handovers = new ShiftHandovers(new InMemoryHandoverStore(), clock, () -> "h" + seq.incrementAndGet());
    }

    private static String code(Outcome<?> outcome) {
        return outcome.refusal().orElseThrow().code();
    }

    @Test
    void theLeavingShiftCarriesUnfinishedWorkAndTheNextShiftAcknowledges() {
        ShiftHandover note = handovers.write("day-lead", "顾客王女士等退款，请跟进",
                List.of("conv-7", " conv-9 ", "conv-7", ""), List.of("20240214001")).orThrow();

        assertThat(note.conversationIds()).containsExactly("conv-7", "conv-9");
        assertThat(note.ticketNumbers()).containsExactly("20240214001");
        assertThat(note.writtenAt()).isEqualTo(clock.instant());
        assertThat(handovers.pending()).containsExactly(note);

        clock.advance(Duration.ofMinutes(5));
        ShiftHandover taken = handovers.acknowledge(note.id(), "night-lead").orThrow();

        assertThat(taken.acknowledged()).isTrue();
        assertThat(taken.acknowledgedBy()).isEqualTo("night-lead");
        assertThat(taken.acknowledgedAt()).isEqualTo(clock.instant());
        assertThat(handovers.pending()).isEmpty();
        assertThat(handovers.latest()).hasValue(taken);
    }

    @Test
    void anEmptyNoteIsRefused() {
        assertThat(code(handovers.write("a", "  ", List.of(), null))).isEqualTo("empty_handover");
        assertThat(handovers.write("a", "", List.of("c1"), List.of()).isDone()).isTrue();
    }

    @Test
    void aNoteIsAcknowledgedOnceAndNotByItsAuthor() {
        ShiftHandover note = handovers.write("a", "all quiet", List.of(), List.of()).orThrow();

        assertThat(code(handovers.acknowledge(note.id(), "a"))).isEqualTo("own_handover");
        handovers.acknowledge(note.id(), "b").orThrow();
        Refusal again = handovers.acknowledge(note.id(), "c").refusal().orElseThrow();
        assertThat(again.code()).isEqualTo("already_acknowledged");
        assertThat(again.args()).containsEntry("agent", "b");
        assertThat(code(handovers.acknowledge("nope", "c"))).isEqualTo("unknown_handover");
    }

    @Test
    void pendingNotesComeOldestFirst() {
        handovers.write("a", "first", List.of(), List.of()).orThrow();
        clock.advance(Duration.ofHours(8));
        handovers.write("b", "second", List.of(), List.of()).orThrow();

        assertThat(handovers.pending()).extracting(ShiftHandover::text).containsExactly("first", "second");
        assertThat(handovers.latest()).get().extracting(ShiftHandover::text).isEqualTo("second");
    }
}
