package xiaoer.engine.chat;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import xiaoer.engine.routing.AgentSeat;
import xiaoer.engine.routing.AgentStatus;
import xiaoer.engine.routing.Assignment;
import xiaoer.engine.routing.HandOff;
import xiaoer.engine.routing.Outcome;
import xiaoer.engine.routing.QueueEntry;
import xiaoer.engine.routing.QueueTimeout;
import xiaoer.engine.routing.Refusal;
import xiaoer.engine.routing.Router;
import xiaoer.engine.routing.RoutingTick;
import xiaoer.engine.routing.SeatChange;
import xiaoer.engine.routing.SkillGroup;
import xiaoer.engine.routing.Transfer;
import xiaoer.engine.text.ServiceTexts;
import xiaoer.engine.text.ShopperLanguage;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.QuickReply;
import xiaoer.kb.Script;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The engine's side of routing (issue 7): keeps the stored conversations and the {@link Router} in step. The router
 * decides who serves whom; this class moves the conversation (compare-and-set on its status), tells the shopper (who
 * joined, their place when it improves, the offer to leave a message) and stores transfer notes for the next agent.
 *
 * <p>Every assignment, wherever made, arrives through {@link #assigned}. Before a conversation goes back to a queue
 * (group transfer, reassignment, agent gone) it is first stored as QUEUED, so the listener only ever moves
 * QUEUED → AGENT or, for a direct transfer, AGENT → AGENT.
 */
final class Reception {

    private static final Logger log = LoggerFactory.getLogger(Reception.class);
    static final String ROUTING_TEXTS = "/xiaoer/engine/routing/texts.properties";
    private static final Set<String> AFTERSALES_CATEGORIES = Set.of("aftersales", "logistics", "order", "shipping",
            "returns", "invoice");
    private static final Set<String> COMPLAINT_REASONS = Set.of("complaint", "angry");
    private static final String STAGE = "stage";
    private static final String TIMEOUT_STAGE = "queue_timeout";
    private static final String LEAVE_STAGE = "leave_message";

    private final Staffing staffing;
    private final Router router;
    private final ConversationStore store;
    private final EventBus bus;
    private final ServiceTexts texts;
    private final ServiceTexts routingTexts = ServiceTexts.load(ROUTING_TEXTS);
    private final KnowledgeBase kb;
    private final Clock clock;
    private final MeterRegistry metrics;
    /** Assigned conversations whose agent has not answered yet: the first-response clock. */
    private final ConcurrentMap<String, Instant> awaitingFirstReply = new ConcurrentHashMap<>();
    private final List<Consumer<RoutingTick>> tickListeners = new CopyOnWriteArrayList<>();

    Reception(Staffing staffing, ConversationStore store, EventBus bus, ServiceTexts texts, KnowledgeBase kb,
              Clock clock, MeterRegistry metrics) {
        this.staffing = staffing;
        this.router = staffing.router();
        this.store = store;
        this.bus = bus;
        this.texts = texts;
        this.kb = kb;
        this.clock = clock;
        this.metrics = metrics;
        router.addListener(this::assigned);
    }

    Staffing staffing() {
        return staffing;
    }

    void onTick(Consumer<RoutingTick> listener) {
        tickListeners.add(listener);
    }

    // ---- into the queue ----

    /** The conversation was stored as QUEUED: route it. Returns the place told, or 0 when an agent got it. */
    int handOff(Conversation queued, String reason) {
        return handOff(entryFor(queued, reason));
    }

    private int handOff(QueueEntry entry) {
        Outcome<HandOff> outcome = router.handOff(entry);
        if (!outcome.isDone()) return router.position(entry.conversationId()).orElse(0);
        HandOff h = outcome.orThrow();
        if (h.assigned()) return 0;
        router.placeTold(entry.conversationId(), h.position());
        return h.position();
    }

    QueueEntry entryFor(Conversation c, String reason) {
        SkillGroup skill = skillFor(reason == null ? c.handoffReason() : reason, lastScriptCategory(c.id()));
        Visitor visitor = new Visitor(c.shop(), c.visitorId(), c.verified(), c.customerName());
        boolean openOrders = false;
        if (c.verified()) {
            try {
                openOrders = staffing.desk().hasOpenOrders(visitor);
            } catch (RuntimeException e) {
                log.warn("could not look up open orders for {}: {}", c.id(), e.toString());
            }
        }
        String previous = store.lastClosed(c.shop(), c.visitorId()).map(Conversation::agentId).orElse(null);
        Instant queuedAt = c.queuedAt() == null ? now() : c.queuedAt();
        return new QueueEntry(c.id(), skill, queuedAt, queuedAt, previous, openOrders, null);
    }

    /** complaint / angry → complaints; after-sales, logistics and order scripts → after-sales; else pre-sales. */
    static SkillGroup skillFor(String reason, String category) {
        if (reason != null && COMPLAINT_REASONS.contains(reason)) return SkillGroup.COMPLAINTS;
        if ("complaint".equals(category)) return SkillGroup.COMPLAINTS;
        if ("return_review".equals(reason)) return SkillGroup.AFTERSALES;
        if (category != null && AFTERSALES_CATEGORIES.contains(category)) return SkillGroup.AFTERSALES;
        return SkillGroup.PRESALES;
    }

    private String lastScriptCategory(String conversationId) {
        List<ChatEvent> history = store.history(conversationId);
        for (int i = history.size() - 1; i >= 0; i--) {
            String scriptId = history.get(i).meta().get("scriptId");
            if (scriptId == null) continue;
            Optional<Script> script = kb.script(scriptId);
            if (script.isPresent() && script.get().category() != null && !"human".equals(script.get().category())) {
                return script.get().category();
            }
        }
        return null;
    }

    // ---- the one feed of assignments ----

    private void assigned(Assignment a) {
        String id = a.conversationId();
        Conversation c = store.find(id).orElse(null);
        if (c == null) return;
        Optional<Conversation> moved;
        if (c.status() == ConversationStatus.QUEUED) {
            moved = store.transition(id, ConversationStatus.QUEUED, ConversationStatus.AGENT, a.agentId(),
                    a.agentName(), null, a.assignedAt());
        } else if (c.status() == ConversationStatus.AGENT && !a.agentId().equals(c.agentId())) {
            moved = store.transition(id, ConversationStatus.AGENT, ConversationStatus.AGENT, a.agentId(),
                    a.agentName(), null, a.assignedAt());
        } else if (c.status() == ConversationStatus.AGENT) {
            return; // already with this agent
        } else {
            log.warn("router assigned {} conversation {} to {}; releasing it", c.status(), id, a.agentId());
            router.closed(id);
            return;
        }
        if (moved.isEmpty()) {
            log.warn("conversation {} changed while assigning it to {}", id, a.agentId());
            return;
        }
        router.forgetPlace(id);
        awaitingFirstReply.put(id, a.assignedAt());
        boolean fresh = a.how() == Assignment.How.ROUTED || a.how() == Assignment.How.PICKED;
        String lang = ConversationLanguage.of(store, id);
        String text = fresh ? texts.in(lang).get("agent.joined", Map.of("agent", a.agentName()))
                : routingTexts.in(lang).get("routing.transfer.joined", Map.of("agent", a.agentName()));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(STAGE, "joined");
        meta.put("how", a.how().name().toLowerCase());
        meta.put("agentId", a.agentId());
        meta.put("skill", a.entry().skill().wire());
        meta.put("waitedSeconds", String.valueOf(Math.max(0, a.waited().toSeconds())));
        publish(store.append(id, new EventDraft(Sender.SYSTEM, text, List.of(), a.agentName(), null, false, meta),
                now()));
        metrics.counter("xiaoer.assignments", "how", a.how().name().toLowerCase()).increment();
        if (fresh) metrics.timer("xiaoer.queue.wait").record(a.waited());
        bus.publish(new ConversationChanged(moved.get()));
        log.info("conversation {} assigned to {} ({})", id, a.agentId(), a.how());
    }

    // ---- agents ----

    Conversation pick(AgentRef agent, Conversation c) {
        if (c.status() == ConversationStatus.QUEUED && router.position(c.id()).isEmpty()
                && router.assignment(c.id()).isEmpty()) {
            handOff(c, null); // stored as waiting but unknown to this router (restart): queue it first
        }
        Outcome<Assignment> picked = router.pick(agent.id(), c.id());
        if (!picked.isDone()) {
            Refusal r = picked.refusal().orElseThrow();
            if ("already_assigned".equals(r.code()) || "unknown_conversation".equals(r.code())) {
                throw new ChatException("not_waiting", "This conversation is no longer waiting.");
            }
            throw new RoutingRefusedException(r);
        }
        return store.find(c.id()).orElseThrow();
    }

    void agentReplied(String conversationId, Instant at) {
        router.agentReplied(conversationId, at);
        Instant since = awaitingFirstReply.remove(conversationId);
        if (since != null) metrics.timer("xiaoer.first_response").record(Duration.between(since, at));
    }

    void shopperWrote(String conversationId, Instant at) {
        router.shopperWrote(conversationId, at);
    }

    /** The chat ended: free the agent's seat and give it to whoever waits. */
    void closed(String conversationId) {
        router.closed(conversationId);
        router.forgetPlace(conversationId);
        awaitingFirstReply.remove(conversationId);
        router.dispatch();
        notifyPositions();
    }

    Conversation transferToAgent(AgentRef from, Conversation c, String toAgentId, String note) {
        Transfer t = orRefuse(router.transferToAgent(c.id(), from.id(), toAgentId, note));
        storeTransferNote(from, c.id(), note, Map.of("transfer", "agent", "toAgent", t.toAgentId()));
        return store.find(c.id()).orElseThrow();
    }

    Conversation transferToGroup(AgentRef from, Conversation c, SkillGroup group, String note) {
        return requeueThen(c, () -> router.transferToGroup(c.id(), from.id(), group, note),
                t -> storeTransferNote(from, c.id(), note, Map.of("transfer", "group", "toGroup", group.wire())));
    }

    /** The lead moves a conversation away from its (silent) agent. */
    Conversation reassign(AgentRef lead, Conversation c, String note) {
        return requeueThen(c, () -> router.reassign(c.id(), note),
                t -> storeTransferNote(lead, c.id(), t.note(), Map.of("transfer", "reassigned")));
    }

    /**
     * Stores the conversation as QUEUED first (so an assignment made inside the router call moves it from there),
     * undoes that when the router refuses, and tells the shopper their place when nobody took it at once.
     */
    private Conversation requeueThen(Conversation c, java.util.function.Supplier<Outcome<Transfer>> routerCall,
                                     Consumer<Transfer> afterwards) {
        String agentId = c.agentId();
        String agentName = c.agentName();
        store.transition(c.id(), ConversationStatus.AGENT, ConversationStatus.QUEUED, null, null, null, now())
                .orElseThrow(() -> new ChatException("not_owned", "This conversation is not with an agent now."));
        Outcome<Transfer> outcome = routerCall.get();
        if (!outcome.isDone()) {
            store.transition(c.id(), ConversationStatus.QUEUED, ConversationStatus.AGENT, agentId, agentName, null,
                    now());
            throw new RoutingRefusedException(outcome.refusal().orElseThrow());
        }
        Transfer t = outcome.orThrow();
        afterwards.accept(t);
        if (t.assignment().isEmpty()) {
            int position = Math.max(1, router.position(c.id()).orElse(1));
            router.placeTold(c.id(), position);
            publish(store.append(c.id(), EventDraft.system(say(c.id()).get("routing.transfer.waiting",
                    Map.of("position", position)), List.of()), now()));
            store.find(c.id()).ifPresent(q -> bus.publish(new ConversationChanged(q)));
        }
        return store.find(c.id()).orElseThrow();
    }

    private void storeTransferNote(AgentRef from, String conversationId, String note, Map<String, String> meta) {
        Map<String, String> all = new LinkedHashMap<>(meta);
        all.put("fromAgent", from.id());
        String text = note == null || note.isBlank() ? "(转接 · transfer)" : note.strip();
        publish(store.append(conversationId, new EventDraft(Sender.AGENT, text, List.of(), from.name(), null, true,
                all), now()));
        metrics.counter("xiaoer.transfers", "kind", meta.getOrDefault("transfer", "agent")).increment();
    }

    /** A seat changed: an agent who comes online gets waiting work; one who goes offline gives theirs back. */
    Outcome<SeatChange> changeSeat(String agentId, AgentStatus to, String deputyId) {
        Outcome<SeatChange> outcome = staffing.seats().change(agentId, to, deputyId);
        if (!outcome.isDone() || !outcome.orThrow().changed()) return outcome;
        if (to == AgentStatus.OFFLINE) giveBack(agentId);
        else resumeStored(agentId);
        if (to == AgentStatus.ONLINE || to == AgentStatus.OFFLINE) {
            router.dispatch();
            notifyPositions();
        }
        return outcome;
    }

    /** The agent's chats back to the queue (the seat is offline now); returns how many went back. */
    private int giveBack(String agentId) {
        List<Assignment> held = router.assignmentsOf(agentId);
        for (Assignment a : held) {
            store.transition(a.conversationId(), ConversationStatus.AGENT, ConversationStatus.QUEUED, null, null,
                    null, now());
        }
        List<String> back = router.agentLeft(agentId).stream().map(QueueEntry::conversationId).toList();
        for (Assignment a : held) {
            // not re-queued by us: put the row back, unless the queue has it (another node's pass or a pick adopted
            // the stored waiting row in between): then it is waiting, and an AGENT row would strand it
            if (!back.contains(a.conversationId()) && router.position(a.conversationId()).isEmpty()) {
                store.transition(a.conversationId(), ConversationStatus.QUEUED, ConversationStatus.AGENT, null, null,
                        null, now());
            } else {
                store.find(a.conversationId()).ifPresent(q -> bus.publish(new ConversationChanged(q)));
            }
        }
        return back.size() + releaseUnrouted(agentId);
    }

    /** Chats stored as with this agent that the router does not hold (this node restarted): theirs again. */
    private void resumeStored(String agentId) {
        for (Conversation c : store.withStatus(ConversationStatus.AGENT)) {
            if (!agentId.equals(c.agentId()) || router.assignment(c.id()).isPresent()) continue;
            if (router.resume(entryFor(c, null), agentId)) log.info("conversation {} resumed by {}", c.id(), agentId);
        }
    }

    /**
     * Chats stored as with this agent that the router does not hold (this node restarted, or an earlier give-back
     * stopped half-way): back to the queue, remembering the agent. Returns how many.
     */
    private int releaseUnrouted(String agentId) {
        int released = 0;
        for (Conversation c : store.withStatus(ConversationStatus.AGENT)) {
            if (!agentId.equals(c.agentId()) || router.assignment(c.id()).isPresent()) continue;
            Optional<Conversation> queued = store.transition(c.id(), ConversationStatus.AGENT,
                    ConversationStatus.QUEUED, null, null, null, now());
            if (queued.isEmpty()) continue; // moved meanwhile
            released++;
            handOff(entryFor(queued.get(), null).withPreviousAgent(agentId)); // theirs again if they come back
            store.find(c.id()).ifPresent(q -> bus.publish(new ConversationChanged(q)));
        }
        return released;
    }

    /**
     * Chats still held by an agent whose seat is offline go back to the queue (see {@link #releaseUnrouted}).
     * Returns how many; 0, with nothing changed, while the seat is not offline.
     */
    int releaseChatsOfOffline(String agentId) {
        AgentStatus status = staffing.seats().seat(agentId).map(AgentSeat::status).orElse(AgentStatus.OFFLINE);
        if (status != AgentStatus.OFFLINE) return 0;
        int released = giveBack(agentId);
        if (released > 0) {
            router.dispatch();
            notifyPositions();
        }
        return released;
    }

    // ---- the waiting shopper ----

    /**
     * A waiting shopper wrote. Handles the leave-a-message flow; returns true when it answered, false when the
     * engine should tell the shopper their place.
     */
    boolean queuedMessage(Conversation c, ChatEvent message) {
        router.shopperWrote(c.id(), message.at());
        String stage = lastStage(c.id(), message.seq());
        String text = message.text().strip();
        if (LEAVE_STAGE.equals(stage)) {
            leaveMessage(c, message);
            return true;
        }
        ServiceTexts say = routingTexts.in(ShopperLanguage.of(text));
        if (TIMEOUT_STAGE.equals(stage) && isLeaveButton(text)) {
            publish(store.append(c.id(), new EventDraft(Sender.SYSTEM, say.get("routing.queue.leave_prompt"),
                    List.of(), null, null, false, Map.of(STAGE, LEAVE_STAGE)), now()));
            return true;
        }
        return false;
    }

    int position(String conversationId) {
        int position = router.position(conversationId).orElse(0);
        if (position > 0) router.placeTold(conversationId, position);
        return position;
    }

    private void leaveMessage(Conversation c, ChatEvent message) {
        String ticketNo = null;
        try {
            ticketNo = staffing.desk().leaveMessage(c, message.text());
        } catch (RuntimeException e) {
            log.warn("could not open a ticket for the message left in {}: {}", c.id(), e.toString());
        }
        router.withdraw(c.id());
        router.forgetPlace(c.id());
        Optional<Conversation> closed = store.transition(c.id(), ConversationStatus.QUEUED, ConversationStatus.CLOSED,
                null, null, null, now());
        ServiceTexts say = routingTexts.in(ShopperLanguage.of(message.text()));
        String text = ticketNo == null ? say.get("routing.queue.left_plain")
                : say.get("routing.queue.left", Map.of("ticketNo", ticketNo));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(STAGE, "message_left");
        if (ticketNo != null) meta.put("ticketNo", ticketNo);
        publish(store.append(c.id(), new EventDraft(Sender.SYSTEM, text, List.of(), null, null, false, meta), now()));
        metrics.counter("xiaoer.queue.messages_left").increment();
        closed.ifPresent(x -> bus.publish(new ConversationChanged(x)));
    }

    /** The stage of the latest system event before {@code beforeSeq} that has one (queue timeout, leave message). */
    private String lastStage(String conversationId, long beforeSeq) {
        // read per queued message: one bounded look-up of the latest system event, not the history
        return store.lastFrom(conversationId, Sender.SYSTEM, beforeSeq).map(e -> e.meta().get(STAGE)).orElse(null);
    }

    // ---- time ----

    /** The periodic pass: adopt stored waiting conversations, route, offer to leave a message, flag silence. */
    RoutingTick tick() {
        adoptWaiting();
        RoutingTick tick = router.tick();
        for (QueueTimeout timeout : tick.timedOut()) offerToLeaveMessage(timeout);
        notifyPositions();
        for (Consumer<RoutingTick> listener : tickListeners) {
            try {
                listener.accept(tick);
            } catch (RuntimeException e) {
                log.warn("tick listener failed: {}", e.toString());
            }
        }
        return tick;
    }

    /** Conversations stored as QUEUED that this router does not know (a restart): queue them again. */
    private void adoptWaiting() {
        for (Conversation c : store.withStatus(ConversationStatus.QUEUED)) {
            if (router.position(c.id()).isEmpty() && router.assignment(c.id()).isEmpty()) handOff(c, null);
        }
    }

    private void offerToLeaveMessage(QueueTimeout timeout) {
        String id = timeout.conversationId();
        Conversation c = store.find(id).orElse(null);
        if (c == null || c.status() != ConversationStatus.QUEUED) return;
        ServiceTexts say = say(id);
        List<QuickReply> buttons = List.of(quickReply(say, "routing.queue_timeout.leave"),
                quickReply(say, "routing.queue_timeout.wait"));
        publish(store.append(id, new EventDraft(Sender.SYSTEM, say.get(timeout.messageKey()), buttons, null,
                null, false, Map.of(STAGE, TIMEOUT_STAGE)), now()));
        metrics.counter("xiaoer.queue.timeouts").increment();
    }

    private static QuickReply quickReply(ServiceTexts say, String key) {
        String[] parts = say.get(key).split("\\|", 2);
        return new QuickReply(parts[0], parts.length > 1 ? parts[1] : parts[0]);
    }

    /** The text the "leave a message" button sends, in any language (the shopper may also type it). */
    private boolean isLeaveButton(String text) {
        for (String lang : ServiceTexts.LANGS) {
            if (quickReply(routingTexts.in(lang), "routing.queue_timeout.leave").text().equalsIgnoreCase(text)) {
                return true;
            }
        }
        return false;
    }

    /** The routing texts in the conversation's shopper's language. */
    private ServiceTexts say(String conversationId) {
        return routingTexts.in(ConversationLanguage.of(store, conversationId));
    }

    /** Tells each waiting shopper their new place, only when it got better than what they were told last. */
    void notifyPositions() {
        for (QueueEntry entry : router.waiting()) {
            String id = entry.conversationId();
            int now = router.position(id).orElse(0);
            if (now == 0) continue;
            if (!router.placeImproved(id, now)) continue; // shared by the nodes: told once
            Conversation c = store.find(id).orElse(null);
            if (c == null || c.status() != ConversationStatus.QUEUED) continue;
            publish(store.append(id, new EventDraft(Sender.SYSTEM, say(id).get("routing.queue.position",
                    Map.of("position", now)), List.of(), null, null, false, Map.of(STAGE, "position")), now()));
        }
    }

    List<QuickReply> surveyButtons(String lang) {
        List<QuickReply> buttons = new ArrayList<>();
        for (String item : routingTexts.in(lang).get("routing.survey.options").split(";")) {
            String[] parts = item.split("\\|", 2);
            buttons.add(new QuickReply(parts[0], parts.length > 1 ? parts[1] : parts[0]));
        }
        return buttons;
    }

    /** A shopper-facing routing text in {@code lang}. */
    String text(String key, String lang) {
        return routingTexts.in(lang).get(key);
    }

    private static <T> T orRefuse(Outcome<T> outcome) {
        if (!outcome.isDone()) throw new RoutingRefusedException(outcome.refusal().orElseThrow());
        return outcome.orThrow();
    }

    private void publish(Appended appended) {
        bus.publish(appended.event());
    }

    private Instant now() {
        return clock.instant();
    }
}
