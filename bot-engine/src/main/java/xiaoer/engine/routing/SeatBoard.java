package xiaoer.engine.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The seats and their rules (domain.md §7): online / busy / away / offline; at most {@code maxAway} seats away at
 * once; away breaks have a time limit; a minimum of ordinary seats on duty by time of day; and whoever is in charge
 * (the lead, or the deputy standing in) names an on-duty deputy before going away or offline.
 * <p>
 * Also the {@link AgentDirectory} the {@link Router} chooses from. Every rule is a check-then-change over several
 * seats, so the board is one monitor: changes are serialized (they are rare — people, not messages).
 */
public final class SeatBoard implements AgentDirectory {

    private final SeatSettings settings;
    private final Clock clock;
    private final Map<String, AgentSeat> seats = new LinkedHashMap<>();
    private String deputyId;

    public SeatBoard(SeatSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Adds a seat (starting OFFLINE) or updates its name, role, groups and capacity, keeping its status. */
    public synchronized AgentSeat register(String id, String name, SeatRole role, Set<SkillGroup> skills,
                                           int capacity) {
        AgentSeat old = seats.get(id);
        AgentSeat seat = old == null
                ? new AgentSeat(id, name, role, AgentStatus.OFFLINE, skills, capacity, clock.instant())
                : new AgentSeat(id, name, role, old.status(), skills, capacity, old.statusSince());
        seats.put(id, seat);
        return seat;
    }

    public AgentSeat register(String id, String name, SeatRole role, Set<SkillGroup> skills) {
        return register(id, name, role, skills, AgentSeat.DEFAULT_CAPACITY);
    }

    /** Changes a seat's status without naming a deputy. */
    public Outcome<SeatChange> change(String agentId, AgentStatus to) {
        return change(agentId, to, null);
    }

    /**
     * Changes a seat's status. Refused with {@code too_many_away} when {@code maxAway} others are away already; with
     * {@code deputy_required} / {@code deputy_unavailable} when the seat in charge leaves without naming another
     * on-duty seat as deputy (a lead who is away already and goes offline keeps the deputy they named).
     */
    public synchronized Outcome<SeatChange> change(String agentId, AgentStatus to, String newDeputyId) {
        AgentSeat seat = seats.get(agentId);
        if (seat == null) return Outcome.refused(RefusalCode.UNKNOWN_AGENT, "agent", agentId);
        if (seat.status() == to) return Outcome.done(new SeatChange(seat, to, null)); // a break's clock keeps running
        if (to == AgentStatus.AWAY) {
            long away = seats.values().stream().filter(s -> s.status() == AgentStatus.AWAY).count();
            if (away >= settings.maxAway()) {
                return Outcome.refused(RefusalCode.TOO_MANY_AWAY, "away", away, "max", settings.maxAway());
            }
        }
        String named = null;
        if (!to.onDuty() && inCharge(seat)) {
            String candidate = newDeputyId;
            if (candidate == null && seat.role() == SeatRole.LEAD && deputyId != null && !deputyId.equals(agentId)
                    && onDuty(deputyId)) {
                candidate = deputyId; // already standing in since the lead went away
            }
            if (candidate == null) return Outcome.refused(RefusalCode.DEPUTY_REQUIRED, "agent", seat.name());
            if (candidate.equals(agentId) || !onDuty(candidate)) {
                return Outcome.refused(RefusalCode.DEPUTY_UNAVAILABLE, "deputy", candidate);
            }
            named = candidate.equals(deputyId) ? null : candidate;
            deputyId = candidate;
        }
        if (to.onDuty() && seat.role() == SeatRole.LEAD) deputyId = null; // the lead is back in charge
        AgentSeat changed = seat.withStatus(to, clock.instant());
        seats.put(agentId, changed);
        return Outcome.done(new SeatChange(changed, seat.status(), named));
    }

    @Override
    public synchronized List<AgentSeat> seats() {
        return List.copyOf(seats.values());
    }

    @Override
    public synchronized Optional<AgentSeat> seat(String agentId) {
        return Optional.ofNullable(seats.get(agentId));
    }

    /** The deputy standing in while the lead is away or offline. */
    public synchronized Optional<String> deputy() {
        return Optional.ofNullable(deputyId);
    }

    public synchronized int awayCount() {
        return (int) seats.values().stream().filter(s -> s.status() == AgentStatus.AWAY).count();
    }

    /** Away breaks that have run past the limit, longest overdue first. */
    public synchronized List<OverdueAway> overdueAways() {
        Instant now = clock.instant();
        List<OverdueAway> overdue = new ArrayList<>();
        for (AgentSeat s : seats.values()) {
            if (s.status() != AgentStatus.AWAY) continue;
            Duration over = Duration.between(s.statusSince().plus(settings.awayLimit()), now);
            if (!over.isNegative() && !over.isZero()) overdue.add(new OverdueAway(s.id(), s.name(), s.statusSince(), over));
        }
        overdue.sort((a, b) -> b.overdueBy().compareTo(a.overdueBy()));
        return overdue;
    }

    /** A warning when fewer ordinary seats are on duty than the time of day requires. */
    public synchronized Optional<StaffingWarning> staffingWarning() {
        Optional<StaffingWindow> window = settings.staffing().windowAt(clock.instant());
        if (window.isEmpty()) return Optional.empty();
        int onDuty = (int) seats.values().stream()
                .filter(s -> s.role() == SeatRole.AGENT && s.status().onDuty()).count();
        int required = window.get().minimumOnDuty();
        return onDuty >= required ? Optional.empty()
                : Optional.of(new StaffingWarning(window.get(), required, onDuty, StaffingWarning.KEY));
    }

    /** The periodic check for the lead. */
    public synchronized SeatReport report() {
        return new SeatReport(overdueAways(), staffingWarning(), deputyId);
    }

    /** The lead, or the deputy while the lead is not on duty. */
    private boolean inCharge(AgentSeat seat) {
        return seat.role() == SeatRole.LEAD || seat.id().equals(deputyId);
    }

    private boolean onDuty(String agentId) {
        AgentSeat s = seats.get(agentId);
        return s != null && s.status().onDuty();
    }
}
