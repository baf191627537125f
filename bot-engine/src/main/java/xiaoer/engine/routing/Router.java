package xiaoer.engine.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives waiting conversations to agents (issue 7, domain.md §4): in queue order, to the shopper's previous agent when
 * eligible, otherwise the least-loaded online agent of the right group. Agents may also pick from the queue, transfer
 * to a colleague or a group with a note, and the lead may move a conversation away from a silent agent.
 * <p>
 * Safety under concurrency comes from the ports alone: a load reservation ({@link AgentLoads#tryReserve}) then an
 * ownership claim ({@link AssignmentLedger#claim}) then the removal from the queue, each atomic, each undone when a
 * later one fails. So any number of threads may call {@link #dispatch()}, {@link #pick} and the rest at once: a
 * conversation gets one owner, and no agent goes past capacity.
 * <p>
 * The engine listens with {@link #addListener} (every assignment, wherever made) and calls: {@link #handOff} when the
 * bot hands over; {@link #pick} when an agent accepts; {@link #closed} when
 * a conversation ends; {@link #shopperWrote}/{@link #agentReplied} on messages; {@link #dispatch()} after anything
 * that frees capacity (close, transfer, an agent coming online); {@link #tick()} every few seconds.
 * <p>
 * Everything it remembers is in a {@link RoutingState} (ports): in memory for one node, or in Redis so that several
 * nodes' routers share one queue, one set of owners and loads, the assignment details, silence clocks and timeout
 * offers. Each change there is atomic (a claim, a reservation, a compare-and-set), so routers on different nodes are
 * as safe together as threads in one. The ordered queue and the shoppers' places are cached per queue version.
 */
public final class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);
    private static final OutageLog outage = new OutageLog(log);

    private final RoutingSettings settings;
    private final WaitingQueue queue;
    private final AssignmentLedger ledger;
    private final AgentLoads loads;
    private final AgentDirectory directory;
    private final Clock clock;
    private final RoutingPolicy policy = new RoutingPolicy();
    private final StateMap<Assignment> assignments;
    private final SilenceWatch silence;
    private final AgentTally tally;
    private final StateMap<Instant> timeoutOffered;
    private final StateMap<Integer> placesTold;
    private final List<AssignmentListener> listeners = new CopyOnWriteArrayList<>();
    private final AssignmentAudit audit;
    private volatile QueueSnapshot snapshot = QueueSnapshot.NONE;
    /** This router's own successful queue changes: a shopper's place never lags behind a change made here. */
    private final AtomicLong localChanges = new AtomicLong();
    private final Object appendLock = new Object();
    private final ReentrantLock rebuilding = new ReentrantLock();
    /** How old a shared queue's snapshot may be when answering a place (other nodes' changes show within this). */
    private static final long SHARED_PLACE_MAX_AGE_NANOS = Duration.ofSeconds(1).toNanos();

    public Router(RoutingSettings settings, WaitingQueue queue, AssignmentLedger ledger, AgentLoads loads,
                  AgentDirectory directory, Clock clock) {
        this(settings, RoutingState.inMemory(queue, ledger, loads), directory, clock);
    }

    /** A router on {@code state}; {@code directory} is normally the {@link SeatBoard} on {@code state.seats()}. */
    public Router(RoutingSettings settings, RoutingState state, AgentDirectory directory, Clock clock) {
        this.settings = settings;
        this.queue = state.queue();
        this.ledger = state.ledger();
        this.loads = state.loads();
        this.assignments = state.assignments();
        this.silence = new SilenceWatch(state.silence());
        this.tally = new AgentTally(state.tallies(), settings.zone());
        this.timeoutOffered = state.timeoutOffers();
        this.placesTold = state.placesTold();
        this.directory = directory;
        this.clock = clock;
        this.audit = new AssignmentAudit(ledger, loads, assignments, directory);
    }

    /** A router on the in-memory ports: tests and the embedded single-node setup. */
    public static Router inMemory(RoutingSettings settings, AgentDirectory directory, Clock clock) {
        return new Router(settings, new InMemoryWaitingQueue(), new InMemoryAssignmentLedger(),
                new InMemoryAgentLoads(), directory, clock);
    }

    /** Registers a listener for every assignment (see {@link AssignmentListener}). */
    public void addListener(AssignmentListener listener) {
        listeners.add(listener);
    }

    // ---- the queue ----

    /**
     * The bot handed the conversation to people: queue it and route at once. Tells whether an agent got it or the
     * shopper's place in the queue (what the shopper is told).
     */
    public Outcome<HandOff> handOff(QueueEntry entry) {
        String id = entry.conversationId();
        if (ledger.owner(id).isPresent()) {
            if (assignments.get(id).isEmpty()) audit.suspect(id);
            return Outcome.refused(RefusalCode.ALREADY_ASSIGNED, "conversation", id);
        }
        if (!addToQueue(entry)) return Outcome.refused(RefusalCode.ALREADY_QUEUED, "conversation", id);
        dispatch();
        Assignment assigned = queue.find(id).isPresent() ? null : assignments.get(id).orElse(null);
        return Outcome.done(new HandOff(entry, Optional.ofNullable(assigned),
                assigned != null ? 0 : position(id).orElse(0)));
    }

    /**
     * Takes a waiting conversation out of the queue: the shopper left, chose to leave a message (make the ticket from
     * the returned entry), or the conversation was closed while waiting.
     */
    public Optional<QueueEntry> withdraw(String conversationId) {
        Optional<QueueEntry> entry = queue.find(conversationId);
        if (entry.isEmpty() || !countChange(queue.remove(conversationId))) return Optional.empty();
        timeoutOffered.remove(conversationId);
        silence.forget(conversationId);
        return entry;
    }

    /** The waiting conversations in the order they will be served. */
    public List<QueueEntry> waiting() {
        return snapshot().ordered();
    }

    /**
     * The shopper's place in the queue (1 = next); empty when not waiting. Asked for every message of a waiting
     * shopper, so it reads the cached snapshot: one version check, no ordering (issue 10).
     */
    public OptionalInt position(String conversationId) {
        QueueSnapshot cached = snapshot;
        if (queue.shared() && cached.recent(localChanges.get(), SHARED_PLACE_MAX_AGE_NANOS)) {
            OptionalInt place = cached.position(conversationId); // no round trip per waiting shopper's message
            if (place.isPresent()) return place;
        }
        QueueSnapshot seen = placeSnapshot();
        OptionalInt place = seen.position(conversationId);
        if (place.isPresent() || !queue.shared()) return place;
        // not in the snapshot this thread got, which may be one another thread is replacing right now: wait for that
        // one, and read the queue again only if it does not have this conversation either
        rebuilding.lock();
        try {
            QueueSnapshot now = snapshot;
            if (now != seen) {
                place = now.position(conversationId);
                if (place.isPresent()) return place;
            }
            return rebuildIfMoved(now).position(conversationId);
        } finally {
            rebuilding.unlock();
        }
    }

    /**
     * Adds to the queue and, when nothing else changed it meanwhile (the version moved by exactly this add), carries
     * the ordered snapshot forward by appending the entry instead of rebuilding it at the next place asked (see
     * {@link QueueSnapshot#appended}). Adds are serialized here so two arrivals on this node cannot both extend the
     * same snapshot; any other change moves the version by more and the next read rebuilds as before.
     */
    private boolean addToQueue(QueueEntry entry) {
        synchronized (appendLock) {
            QueueSnapshot before = snapshot;
            long versionBefore;
            try {
                versionBefore = queue.version();
            } catch (RuntimeException e) { // shared state unreachable: add without carrying the snapshot
                return countChange(queue.add(entry));
            }
            if (!countChange(queue.add(entry))) return false;
            long after;
            try {
                after = queue.version();
            } catch (RuntimeException e) {
                return true; // the next read rebuilds the snapshot
            }
            if (before.version() == versionBefore && after == versionBefore + 1) {
                before.appended(entry, after, localChanges.get()).ifPresent(s -> snapshot = s);
            } else if (queue.shared() && before.recent(localChanges.get() - 1, SHARED_PLACE_MAX_AGE_NANOS)) {
                // other nodes changed the queue too: carry the recent snapshot forward with this arrival rather
                // than read the whole queue from Redis for its place (it is rebuilt once it is a second old)
                before.appendedKeepingAge(entry, localChanges.get()).ifPresent(s -> snapshot = s);
            }
            return true;
        }
    }

    /** Counts a successful queue change made by this router; returns {@code changed}. */
    private boolean countChange(boolean changed) {
        if (changed) localChanges.incrementAndGet();
        return changed;
    }

    /**
     * The ordered queue for the current {@link WaitingQueue#version()}. The version is read before the entries, so a
     * snapshot is never older than its label (at worst newer, which only costs one more rebuild).
     */
    private QueueSnapshot snapshot() {
        return rebuildIfMoved(snapshot);
    }

    /**
     * The snapshot a shopper's place is read from. On a shared queue one thread of this node reads the queue from
     * Redis at a time, and the others answer from the snapshot there is (a place may be up to a second old on a
     * shared queue anyway) instead of all reading the whole queue at once; routing itself uses {@link #snapshot()}.
     */
    private QueueSnapshot placeSnapshot() {
        QueueSnapshot cached = snapshot;
        if (!queue.shared() || cached == QueueSnapshot.NONE) return rebuildIfMoved(cached);
        if (!rebuilding.tryLock()) return cached;
        try {
            return rebuildIfMoved(snapshot);
        } finally {
            rebuilding.unlock();
        }
    }

    private QueueSnapshot rebuildIfMoved(QueueSnapshot cached) {
        long mark = localChanges.get(); // before the version: a change made meanwhile leaves this snapshot stale
        long version;
        List<QueueEntry> entries;
        try {
            version = queue.version();
            if (cached.version() == version) {
                if (!queue.shared()) return cached;
                // still current: good for another second of places without a round trip
                QueueSnapshot checked = cached.checkedAt(mark);
                synchronized (appendLock) {
                    if (snapshot == cached) snapshot = checked;
                }
                return checked;
            }
            entries = queue.all();
        } catch (RuntimeException e) { // shared state unreachable (Redis down): the last known order, not an error
            outage.failed("waiting queue unreadable, using the last known order", "all", e);
            return cached;
        }
        QueueSnapshot fresh = QueueSnapshot.of(version, entries, policy, mark);
        synchronized (appendLock) {
            // a slower reader must not put back an older order over one an arrival just carried forward
            if (snapshot == cached || snapshot.version() < version) snapshot = fresh;
        }
        return fresh;
    }

    // ---- the place each waiting shopper was told (shared: whichever node tells it, none repeats it) ----

    public void placeTold(String conversationId, int place) {
        try {
            placesTold.put(conversationId, place);
        } catch (RuntimeException e) { // asked on a waiting shopper's every message: an outage must not stop it
            outage.failed("place told not recorded", conversationId, e);
        }
    }

    /**
     * Records {@code place} as told; true when it is better than the place told before, i.e. the shopper should hear
     * it. One compare-and-set, so of two nodes noticing the same improvement one tells it.
     */
    public boolean placeImproved(String conversationId, int place) {
        Integer before = placesTold.update(conversationId, told -> place).before();
        return before != null && place < before;
    }

    public void forgetPlace(String conversationId) {
        placesTold.remove(conversationId);
    }

    /**
     * Routes every waiting conversation that an agent can take now, in queue order. Safe to call from any thread at
     * any time; returns the assignments this call made (move those conversations to their agents).
     */
    public List<Assignment> dispatch() {
        Instant now = now();
        Map<String, AgentState> agents = new LinkedHashMap<>();
        for (AgentState state : agents(now)) agents.put(state.id(), state);
        // nobody online with room: leave the queue unread (in cluster mode reading it is a round trip)
        if (agents.values().stream().noneMatch(AgentState::hasRoom)) return List.of();
        List<QueueEntry> waiting = waiting();
        List<Assignment> made = new ArrayList<>();
        for (QueueEntry entry : waiting) {
            // nobody online with room (a sale's peak, or the night): the rest of the queue cannot be served either
            if (agents.values().stream().noneMatch(AgentState::hasRoom)) break;
            for (AgentState candidate : policy.rank(entry, agents.values())) {
                Attempt attempt = tryAssign(entry, candidate.seat(), Assignment.How.ROUTED, now);
                if (attempt.assignment() != null) {
                    made.add(attempt.assignment());
                    agents.put(candidate.id(), new AgentState(candidate.seat(), candidate.load() + 1, now,
                            candidate.assignedToday() + 1));
                    break;
                }
                if (!attempt.full()) { // someone else took the conversation (or a claim with no assignment blocks it)
                    audit.suspect(entry.conversationId());
                    break;
                }
                // full in truth (another thread filled the seat): skip this agent for the rest of the pass
                agents.put(candidate.id(), new AgentState(candidate.seat(), candidate.seat().capacity(),
                        candidate.lastAssignedAt(), candidate.assignedToday()));
            }
        }
        return made;
    }

    /**
     * An agent takes a waiting conversation themselves, through the same claim as routing. Allowed when ONLINE or BUSY
     * (a pick is deliberate), within capacity and in one of the agent's groups (a lead may pick any group).
     */
    public Outcome<Assignment> pick(String agentId, String conversationId) {
        AgentSeat seat = directory.seat(agentId).orElse(null);
        if (seat == null) return Outcome.refused(RefusalCode.UNKNOWN_AGENT, "agent", agentId);
        if (!seat.status().onDuty()) return unavailable(seat);
        QueueEntry entry = queue.find(conversationId).orElse(null);
        if (entry == null) return notWaiting(conversationId);
        if (seat.role() != SeatRole.LEAD && !seat.serves(entry.skill())) {
            return Outcome.refused(RefusalCode.WRONG_SKILL, "agent", seat.name(), "skill", entry.skill().wire());
        }
        Attempt attempt = tryAssign(entry, seat, Assignment.How.PICKED, now());
        if (attempt.assignment() != null) return Outcome.done(attempt.assignment());
        if (attempt.full()) return atCapacity(seat);
        return notWaiting(conversationId);
    }

    // ---- owned conversations ----

    /** The agent passes the conversation to a named colleague, who must be ONLINE and below capacity. */
    public Outcome<Transfer> transferToAgent(String conversationId, String fromAgentId, String toAgentId,
                                             String note) {
        if (note == null || note.isBlank()) return Outcome.refused(RefusalCode.NOTE_REQUIRED);
        Outcome<Assignment> owned = owned(conversationId, fromAgentId);
        if (!owned.isDone()) return new Outcome.Refused<>(owned.refusal().orElseThrow());
        if (fromAgentId.equals(toAgentId)) {
            return Outcome.refused(RefusalCode.SAME_AGENT, "conversation", conversationId, "agent", toAgentId);
        }
        AgentSeat target = directory.seat(toAgentId).orElse(null);
        if (target == null) return Outcome.refused(RefusalCode.UNKNOWN_AGENT, "agent", toAgentId);
        return handTo(owned.orThrow(), target, note.strip(), Assignment.How.TRANSFERRED, now());
    }

    /**
     * The agent sends the conversation back to a group's queue (e.g. pre-sales → after-sales). It keeps its place
     * (the shopper has waited already), is routed at once when someone is free, and never back to this agent.
     */
    public Outcome<Transfer> transferToGroup(String conversationId, String fromAgentId, SkillGroup group,
                                             String note) {
        if (note == null || note.isBlank()) return Outcome.refused(RefusalCode.NOTE_REQUIRED);
        Outcome<Assignment> owned = owned(conversationId, fromAgentId);
        if (!owned.isDone()) return new Outcome.Refused<>(owned.refusal().orElseThrow());
        return backToQueue(owned.orThrow(), group, fromAgentId, note.strip(), now());
    }

    /**
     * The lead moves a conversation away from its (silent) agent: to the best other agent who can take it, or back to
     * the front of its group's queue when nobody can.
     */
    public Outcome<Transfer> reassign(String conversationId, String note) {
        Assignment current = assignments.get(conversationId).orElse(null);
        if (current == null) return Outcome.refused(RefusalCode.UNKNOWN_CONVERSATION, "conversation", conversationId);
        String reason = note == null || note.isBlank() ? "reassigned by the lead" : note.strip();
        Instant now = now();
        QueueEntry avoiding = current.entry().requeued(current.entry().skill(), current.entry().enteredAt(),
                current.agentId());
        for (AgentState candidate : policy.rank(avoiding, agents(now))) {
            Outcome<Transfer> moved = handTo(current, candidate.seat(), reason, Assignment.How.REASSIGNED, now);
            if (moved.isDone()) return moved;
            if (!moved.refusal().orElseThrow().code().equals(RefusalCode.AT_CAPACITY.code())) return moved;
        }
        return backToQueue(current, current.entry().skill(), current.agentId(), reason, now);
    }

    /**
     * The conversation ended (closed by the agent, or the shopper left): frees the agent's seat and forgets it. Call
     * {@link #dispatch()} afterwards to use the freed capacity.
     */
    public Optional<Assignment> closed(String conversationId) {
        withdraw(conversationId);
        silence.forget(conversationId);
        Assignment ended = assignments.get(conversationId).orElse(null);
        assignments.remove(conversationId);
        ledger.owner(conversationId).ifPresent(owner -> {
            if (ledger.release(conversationId, owner)) loads.release(owner);
        });
        return Optional.ofNullable(ended);
    }

    /**
     * The agent went offline with conversations open: they go back to the front of their queues (no note needed).
     * Call {@link #dispatch()} afterwards.
     */
    public List<QueueEntry> agentLeft(String agentId) {
        Instant now = now();
        List<QueueEntry> requeued = new ArrayList<>();
        for (Assignment a : assignmentsOf(agentId)) {
            if (release(a)) {
                QueueEntry back = a.entry().requeued(a.entry().skill(), now, null).withPreviousAgent(agentId);
                if (countChange(queue.add(back))) requeued.add(back);
            }
        }
        return requeued;
    }

    /**
     * Takes back a conversation stored as with {@code agentId} that this router does not hold (the node restarted and
     * the agent's console came back): its claim, its load (even past capacity: the agent has it already) and its
     * silence clock from now. Nobody is told: nothing changed for the shopper. False when the conversation has an
     * owner already or the seat is unknown.
     */
    public boolean resume(QueueEntry entry, String agentId) {
        AgentSeat seat = directory.seat(agentId).orElse(null);
        String id = entry.conversationId();
        if (seat == null || !ledger.claim(id, agentId)) return false;
        loads.tryReserve(agentId, Integer.MAX_VALUE);
        Instant now = now();
        assignments.put(id, new Assignment(entry, agentId, seat.name(), Assignment.How.RESUMED, now));
        silence.assigned(id, now);
        return true;
    }

    public Optional<Assignment> assignment(String conversationId) {
        return assignments.get(conversationId);
    }

    public List<Assignment> assignmentsOf(String agentId) {
        return assignments.all().values().stream().filter(a -> a.agentId().equals(agentId)).toList();
    }

    /** Every agent with their live load and tallies, for the lead's view. */
    public List<AgentState> agents() {
        return agents(now());
    }

    private List<AgentState> agents(Instant now) {
        Map<String, AssignmentTally> tallies = tally.all(); // one read for every seat
        return directory.seats().stream().map(s -> state(s, tallies.get(s.id()), now)).toList();
    }

    // ---- silence and time ----

    /** A shopper message in a waiting or assigned conversation (others are the bot's business and ignored). */
    public void shopperWrote(String conversationId, Instant at) {
        try {
            if (assignments.get(conversationId).isPresent() || queue.find(conversationId).isPresent()) {
                silence.shopperWrote(conversationId, at);
            }
        } catch (RuntimeException e) { // the clocks advise the lead; an outage of shared state must not stop a chat
            outage.failed("silence clock not updated", conversationId, e);
        }
    }

    /** The owning agent answered: their silence clock stops and any flag clears. */
    public void agentReplied(String conversationId, Instant at) {
        try {
            silence.agentReplied(conversationId, at);
        } catch (RuntimeException e) {
            outage.failed("silence clock not stopped", conversationId, e);
        }
    }

    /** Every conversation whose agent is silent past the limit now, longest first (the lead's list). */
    public List<SilentAgent> silentAgents() {
        Instant now = now();
        Map<String, Assignment> held = assignments.all();
        return silence.silent(now, settings.silentAfter()).stream()
                .map(id -> silentAgent(id, held.get(id), now)).flatMap(Optional::stream)
                .sorted((a, b) -> b.silentFor().compareTo(a.silentFor())).toList();
    }

    /**
     * The periodic pass (every few seconds): routes what can be routed, offers shoppers past the queue timeout to
     * leave a message (once per stay in the queue), and flags newly silent agents.
     */
    public RoutingTick tick() {
        try {
            audit.run(); // what it frees is served by the dispatch below
        } catch (RuntimeException e) { // shared state unreachable: repaired on a later pass
            outage.failed("assignment audit skipped", "tick", e);
        }
        List<Assignment> assigned = dispatch();
        Instant now = now();
        List<QueueTimeout> timedOut = new ArrayList<>();
        for (QueueEntry entry : waiting()) {
            Duration waited = Duration.between(entry.enteredAt(), now);
            // the offer is claimed atomically: one tick of the cluster makes it, once per stay in the queue
            if (waited.compareTo(settings.queueTimeout()) >= 0
                    && timeoutOffered.putIfAbsent(entry.conversationId(), now)) {
                timedOut.add(new QueueTimeout(entry, waited, QueueTimeout.OFFER_KEY));
            }
        }
        List<String> flagged = silence.flagNewlySilent(now, settings.silentAfter());
        List<SilentAgent> newlySilent = flagged.stream()
                .map(id -> silentAgent(id, assignments.get(id).orElse(null), now)).flatMap(Optional::stream).toList();
        return new RoutingTick(assigned, timedOut, newlySilent);
    }

    // ---- the steps ----

    /** The result of one try: the assignment, or why not (the agent was full, or the conversation was taken). */
    private record Attempt(Assignment assignment, boolean full) {
        static final Attempt FULL = new Attempt(null, true);
        static final Attempt TAKEN = new Attempt(null, false);
    }

    /**
     * Reserve a seat, claim the conversation, take it off the queue — undoing the earlier steps when a later one loses
     * a race. The reservation comes first so that a claimed conversation always has room at its agent.
     */
    private Attempt tryAssign(QueueEntry entry, AgentSeat seat, Assignment.How how, Instant now) {
        String id = entry.conversationId();
        if (!loads.tryReserve(seat.id(), seat.capacity())) return Attempt.FULL;
        if (!ledger.claim(id, seat.id())) {
            loads.release(seat.id());
            return Attempt.TAKEN;
        }
        if (!countChange(queue.remove(id))) { // withdrawn meanwhile (shopper left, message left)
            ledger.release(id, seat.id());
            loads.release(seat.id());
            return Attempt.TAKEN;
        }
        Assignment made = new Assignment(entry, seat.id(), seat.name(), how, now);
        remember(made);
        return new Attempt(made, false);
    }

    /** Moves an owned conversation to {@code target}: reserve there, move the claim, free the old seat. */
    private Outcome<Transfer> handTo(Assignment current, AgentSeat target, String note, Assignment.How how,
                                     Instant now) {
        String id = current.conversationId();
        if (target.status() != AgentStatus.ONLINE) return unavailable(target);
        if (!loads.tryReserve(target.id(), target.capacity())) return atCapacity(target);
        if (!ledger.transfer(id, current.agentId(), target.id())) {
            loads.release(target.id());
            return Outcome.refused(RefusalCode.NOT_OWNER, "conversation", id, "agent", current.agentId());
        }
        loads.release(current.agentId());
        Assignment next = new Assignment(current.entry(), target.id(), target.name(), how, now);
        remember(next);
        return Outcome.done(new Transfer(id, current.agentId(), target.id(), current.entry().skill(), note, now,
                Optional.of(next), 0));
    }

    private Outcome<Transfer> backToQueue(Assignment current, SkillGroup group, String avoid, String note,
                                          Instant now) {
        String id = current.conversationId();
        if (!release(current)) {
            return Outcome.refused(RefusalCode.NOT_OWNER, "conversation", id, "agent", current.agentId());
        }
        countChange(queue.add(current.entry().requeued(group, now, avoid)));
        dispatch();
        Assignment next = queue.find(id).isPresent() ? null : assignments.get(id).orElse(null);
        return Outcome.done(new Transfer(id, current.agentId(), null, group, note, now, Optional.ofNullable(next),
                next != null ? 0 : position(id).orElse(0)));
    }

    /** Ends the current owner's hold (claim and load); false when someone else changed the owner meanwhile. */
    private boolean release(Assignment current) {
        String id = current.conversationId();
        if (!ledger.release(id, current.agentId())) return false;
        loads.release(current.agentId());
        assignments.remove(id, current);
        silence.unassigned(id);
        timeoutOffered.remove(id);
        return true;
    }

    private void remember(Assignment made) {
        assignments.put(made.conversationId(), made);
        tally.assigned(made.agentId(), made.assignedAt());
        silence.assigned(made.conversationId(), made.assignedAt());
        timeoutOffered.remove(made.conversationId());
        for (AssignmentListener listener : listeners) {
            try {
                listener.assigned(made);
            } catch (RuntimeException e) { // the assignment stands; one failing listener must not undo routing
                log.warn("assignment listener failed for {}: {}", made.conversationId(), e.toString());
            }
        }
    }

    private Outcome<Assignment> owned(String conversationId, String agentId) {
        Assignment current = assignments.get(conversationId).orElse(null);
        String owner = ledger.owner(conversationId).orElse(null);
        if (current == null || owner == null) {
            return Outcome.refused(RefusalCode.UNKNOWN_CONVERSATION, "conversation", conversationId);
        }
        if (!owner.equals(agentId) || !current.agentId().equals(agentId)) {
            return Outcome.refused(RefusalCode.NOT_OWNER, "conversation", conversationId, "agent", agentId);
        }
        return Outcome.done(current);
    }

    private AgentState state(AgentSeat seat, AssignmentTally t, Instant now) {
        return new AgentState(seat, loads.load(seat.id()), AgentTally.lastAssignedAt(t), tally.assignedOn(t, now));
    }

    private Optional<SilentAgent> silentAgent(String conversationId, Assignment a, Instant now) {
        Instant since = silence.waitingSince(conversationId);
        if (a == null || since == null) return Optional.empty();
        return Optional.of(new SilentAgent(conversationId, a.agentId(), since, Duration.between(since, now)));
    }

    private <T> Outcome<T> notWaiting(String conversationId) {
        return ledger.owner(conversationId).isPresent()
                ? Outcome.refused(RefusalCode.ALREADY_ASSIGNED, "conversation", conversationId)
                : Outcome.refused(RefusalCode.UNKNOWN_CONVERSATION, "conversation", conversationId);
    }

    private static <T> Outcome<T> unavailable(AgentSeat seat) {
        return Outcome.refused(RefusalCode.AGENT_UNAVAILABLE, "agent", seat.name(),
                "status", seat.status().name().toLowerCase(Locale.ROOT));
    }

    private static <T> Outcome<T> atCapacity(AgentSeat seat) {
        return Outcome.refused(RefusalCode.AT_CAPACITY, "agent", seat.name(), "capacity", seat.capacity());
    }

    private Instant now() {
        return clock.instant();
    }
}
