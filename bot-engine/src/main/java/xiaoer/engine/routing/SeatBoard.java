package xiaoer.engine.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * seats, so each change reads the whole {@link SeatRoster}, decides, and stores the new roster by compare-and-set,
 * deciding again when another thread or node changed it meanwhile (changes are rare — people, not messages).
 */
public final class SeatBoard implements AgentDirectory {

    private final SeatSettings settings;
    private final Clock clock;
    private final SeatStore store;

    public SeatBoard(SeatSettings settings, Clock clock) {
        this(settings, clock, new InMemorySeatStore());
    }

    public SeatBoard(SeatSettings settings, Clock clock, SeatStore store) {
        this.settings = settings;
        this.clock = clock;
        this.store = store;
    }

    /** A decision on one roster: the roster to store (null: store nothing) and the answer. */
    private record Decision<T>(Map<String, AgentSeat> seats, String deputyId, T result) {
    }

    private interface Rule<T> {
        Decision<T> decide(Map<String, AgentSeat> seats, String deputyId);
    }

    /** Reads, decides, stores by compare-and-set; decides again on a lost race. */
    private <T> T apply(Rule<T> rule) {
        while (true) {
            SeatRoster roster = store.load();
            Decision<T> d = rule.decide(roster.byId(), roster.deputyId());
            if (d.seats() == null || store.replace(roster, roster.next(d.seats(), d.deputyId()))) return d.result();
        }
    }

    /** Adds a seat (starting OFFLINE) or updates its name, role, groups and capacity, keeping its status. */
    public AgentSeat register(String id, String name, SeatRole role, Set<SkillGroup> skills, int capacity) {
        return apply((seats, deputyId) -> {
            AgentSeat old = seats.get(id);
            AgentSeat seat = old == null
                    ? new AgentSeat(id, name, role, AgentStatus.OFFLINE, skills, capacity, clock.instant())
                    : new AgentSeat(id, name, role, old.status(), skills, capacity, old.statusSince());
            if (seat.equals(old)) return new Decision<>(null, deputyId, seat); // nothing new: no write
            seats.put(id, seat);
            return new Decision<>(seats, deputyId, seat);
        });
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
    public Outcome<SeatChange> change(String agentId, AgentStatus to, String newDeputyId) {
        return apply((seats, deputyId) -> decideChange(seats, deputyId, agentId, to, newDeputyId));
    }

    private Decision<Outcome<SeatChange>> decideChange(Map<String, AgentSeat> seats, String deputyId, String agentId,
                                                       AgentStatus to, String newDeputyId) {
        AgentSeat seat = seats.get(agentId);
        if (seat == null) return refused(deputyId, Outcome.refused(RefusalCode.UNKNOWN_AGENT, "agent", agentId));
        if (seat.status() == to) { // a break's clock keeps running
            return new Decision<>(null, deputyId, Outcome.done(new SeatChange(seat, to, null)));
        }
        if (to == AgentStatus.AWAY) {
            long away = seats.values().stream().filter(s -> s.status() == AgentStatus.AWAY).count();
            if (away >= settings.maxAway()) {
                return refused(deputyId,
                        Outcome.refused(RefusalCode.TOO_MANY_AWAY, "away", away, "max", settings.maxAway()));
            }
        }
        String named = null;
        String deputy = deputyId;
        if (!to.onDuty() && inCharge(seat, deputy)) {
            String candidate = newDeputyId;
            if (candidate == null && seat.role() == SeatRole.LEAD && deputy != null && !deputy.equals(agentId)
                    && onDuty(seats, deputy)) {
                candidate = deputy; // already standing in since the lead went away
            }
            if (candidate == null) {
                return refused(deputy, Outcome.refused(RefusalCode.DEPUTY_REQUIRED, "agent", seat.name()));
            }
            if (candidate.equals(agentId) || !onDuty(seats, candidate)) {
                return refused(deputy, Outcome.refused(RefusalCode.DEPUTY_UNAVAILABLE, "deputy", candidate));
            }
            named = candidate.equals(deputy) ? null : candidate;
            deputy = candidate;
        }
        if (to.onDuty() && seat.role() == SeatRole.LEAD) deputy = null; // the lead is back in charge
        AgentSeat changed = seat.withStatus(to, clock.instant());
        seats.put(agentId, changed);
        return new Decision<>(seats, deputy, Outcome.done(new SeatChange(changed, seat.status(), named)));
    }

    private static <T> Decision<T> refused(String deputyId, T refusal) {
        return new Decision<>(null, deputyId, refusal);
    }

    @Override
    public List<AgentSeat> seats() {
        return store.load().seats();
    }

    @Override
    public Optional<AgentSeat> seat(String agentId) {
        return seats().stream().filter(s -> s.id().equals(agentId)).findFirst();
    }

    /** The deputy standing in while the lead is away or offline. */
    public Optional<String> deputy() {
        return Optional.ofNullable(store.load().deputyId());
    }

    public int awayCount() {
        return awayCount(seats());
    }

    private static int awayCount(List<AgentSeat> seats) {
        return (int) seats.stream().filter(s -> s.status() == AgentStatus.AWAY).count();
    }

    /** Away breaks that have run past the limit, longest overdue first. */
    public List<OverdueAway> overdueAways() {
        return overdueAways(seats());
    }

    private List<OverdueAway> overdueAways(List<AgentSeat> seats) {
        Instant now = clock.instant();
        List<OverdueAway> overdue = new ArrayList<>();
        for (AgentSeat s : seats) {
            if (s.status() != AgentStatus.AWAY) continue;
            Duration over = Duration.between(s.statusSince().plus(settings.awayLimit()), now);
            if (!over.isNegative() && !over.isZero()) overdue.add(new OverdueAway(s.id(), s.name(), s.statusSince(), over));
        }
        overdue.sort((a, b) -> b.overdueBy().compareTo(a.overdueBy()));
        return overdue;
    }

    /** A warning when fewer ordinary seats are on duty than the time of day requires. */
    public Optional<StaffingWarning> staffingWarning() {
        return staffingWarning(seats());
    }

    private Optional<StaffingWarning> staffingWarning(List<AgentSeat> seats) {
        Optional<StaffingWindow> window = settings.staffing().windowAt(clock.instant());
        if (window.isEmpty()) return Optional.empty();
        int onDuty = (int) seats.stream().filter(s -> s.role() == SeatRole.AGENT && s.status().onDuty()).count();
        int required = window.get().minimumOnDuty();
        return onDuty >= required ? Optional.empty()
                : Optional.of(new StaffingWarning(window.get(), required, onDuty, StaffingWarning.KEY));
    }

    /** The periodic check for the lead, from one read of the roster. */
    public SeatReport report() {
        SeatRoster roster = store.load();
        return new SeatReport(overdueAways(roster.seats()), staffingWarning(roster.seats()), roster.deputyId());
    }

    /** The lead, or the deputy while the lead is not on duty. */
    private static boolean inCharge(AgentSeat seat, String deputyId) {
        return seat.role() == SeatRole.LEAD || seat.id().equals(deputyId);
    }

    private static boolean onDuty(Map<String, AgentSeat> seats, String agentId) {
        AgentSeat s = seats.get(agentId);
        return s != null && s.status().onDuty();
    }
}
