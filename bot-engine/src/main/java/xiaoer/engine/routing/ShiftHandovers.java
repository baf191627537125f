package xiaoer.engine.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Writing and taking over shift hand-over notes (交接班): the leaving shift writes, the next shift acknowledges. */
public final class ShiftHandovers {

    private final HandoverStore store;
    private final Clock clock;
    private final Supplier<String> ids;

    public ShiftHandovers(HandoverStore store, Clock clock, Supplier<String> ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    public ShiftHandovers(HandoverStore store, Clock clock) {
        this(store, clock, () -> UUID.randomUUID().toString());
    }

    /** Writes a note; refused with {@code empty_handover} when there is neither text nor carried work. */
    public Outcome<ShiftHandover> write(String authorId, String text, Collection<String> conversationIds,
                                        Collection<String> ticketNumbers) {
        String body = text == null ? "" : text.strip();
        List<String> conversations = cleaned(conversationIds);
        List<String> tickets = cleaned(ticketNumbers);
        if (body.isEmpty() && conversations.isEmpty() && tickets.isEmpty()) {
            return Outcome.refused(RefusalCode.EMPTY_HANDOVER);
        }
        ShiftHandover note = new ShiftHandover(ids.get(), authorId, clock.instant(), body, conversations, tickets,
                null, null);
        store.save(note);
        return Outcome.done(note);
    }

    /** Someone of the next shift takes it over; once only, and not its author. */
    public Outcome<ShiftHandover> acknowledge(String handoverId, String agentId) {
        ShiftHandover note = store.find(handoverId).orElse(null);
        if (note == null) return Outcome.refused(RefusalCode.UNKNOWN_HANDOVER, "handover", handoverId);
        if (note.authorId().equals(agentId)) return Outcome.refused(RefusalCode.OWN_HANDOVER);
        if (note.acknowledged()) return alreadyAcknowledged(note);
        Instant now = clock.instant();
        ShiftHandover taken = note.acknowledge(agentId, now);
        if (!store.replace(note, taken)) return alreadyAcknowledged(store.find(handoverId).orElse(note));
        return Outcome.done(taken);
    }

    /** Notes the next shift has not taken over yet, oldest first. */
    public List<ShiftHandover> pending() {
        return store.all().stream().filter(h -> !h.acknowledged()).toList();
    }

    public Optional<ShiftHandover> latest() {
        List<ShiftHandover> all = store.all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private static Outcome<ShiftHandover> alreadyAcknowledged(ShiftHandover note) {
        return Outcome.refused(RefusalCode.ALREADY_ACKNOWLEDGED, "handover", note.id(), "agent",
                String.valueOf(note.acknowledgedBy()));
    }

    private static List<String> cleaned(Collection<String> values) {
        if (values == null) return List.of();
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }
}
