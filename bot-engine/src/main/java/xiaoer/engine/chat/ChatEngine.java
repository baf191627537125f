package xiaoer.engine.chat;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import xiaoer.engine.bot.Bot;
import xiaoer.engine.bot.BotContext;
import xiaoer.engine.bot.BotTurn;
import xiaoer.engine.routing.AgentStatus;
import xiaoer.engine.routing.Outcome;
import xiaoer.engine.routing.RoutingTick;
import xiaoer.engine.routing.SeatChange;
import xiaoer.engine.routing.SkillGroup;
import xiaoer.engine.text.ServiceTexts;
import xiaoer.engine.text.ShopperLanguage;
import xiaoer.kb.LintFinding;
import xiaoer.kb.Linter;
import xiaoer.kb.QuickReply;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The path of one message: store it, ack it, then let the bot or the owning agent answer. Also the agent's side of
 * a conversation (accept, reply, close). Every stored event is published on the bus for widgets and consoles.
 *
 * <p>Callers run this off the network event loop; the engine blocks on storage.
 */
public final class ChatEngine {

    private static final Logger log = LoggerFactory.getLogger(ChatEngine.class);
    /** Events of a conversation the bot reads as context for a message. */
    static final int CONTEXT_EVENTS = 50;

    private final ConversationStore store;
    private final Bot bot;
    private final Linter linter;
    private final EventBus bus;
    private final ServiceTexts texts;
    private final Clock clock;
    private final EngineSettings settings;
    private final MeterRegistry metrics;
    private final VisitorLocks visitorLocks;
    /** The people side (router, seats); null until {@link #routeTo}: then accept is a plain compare-and-set. */
    private volatile Reception reception;

    public ChatEngine(ConversationStore store, Bot bot, Linter linter, EventBus bus, ServiceTexts texts, Clock clock,
                      EngineSettings settings, MeterRegistry metrics) {
        this(store, bot, linter, bus, texts, clock, settings, metrics, VisitorLocks.local());
    }

    /** @param visitorLocks serializes opening a visitor's conversation (across nodes in a cluster) */
    public ChatEngine(ConversationStore store, Bot bot, Linter linter, EventBus bus, ServiceTexts texts, Clock clock,
                      EngineSettings settings, MeterRegistry metrics, VisitorLocks visitorLocks) {
        this.store = store;
        this.bot = bot;
        this.linter = linter;
        this.bus = bus;
        this.texts = texts;
        this.clock = clock;
        this.settings = settings;
        this.metrics = metrics;
        this.visitorLocks = visitorLocks;
    }

    public EventBus bus() {
        return bus;
    }

    /**
     * Routes hand-offs through {@code staffing} (issue 7): the queue in priority order, automatic assignment to the
     * least-loaded online agent of the right group, picks, transfers, the queue timeout, the satisfaction survey.
     * Call once, before the engine serves.
     */
    public synchronized ChatEngine routeTo(Staffing staffing) {
        if (reception != null) throw new IllegalStateException("routing is set already");
        reception = new Reception(staffing, store, bus, texts, bot.knowledgeBase(), clock, metrics);
        return this;
    }

    /** The router and seats, when {@link #routeTo} was called. */
    public Optional<Staffing> staffing() {
        Reception r = reception;
        return r == null ? Optional.empty() : Optional.of(r.staffing());
    }

    // ---- shopper side ----

    /** What a widget gets on connect: its conversation and the events after {@code lastSeq}. */
    public record Connection(Conversation conversation, List<ChatEvent> missed) {
    }

    /**
     * A widget connected: returns the visitor's open conversation (a new one, greeted at once, when there is none) and
     * every shopper-visible event after {@code lastSeq}.
     */
    public Connection connect(Visitor visitor, long lastSeq) {
        return connect(visitor, lastSeq, null);
    }

    /**
     * As {@link #connect(Visitor, long)}, from a page written in {@code pageLang} ({@code zh}, {@code en}; null or
     * another for none): a shopper who has never written is greeted in the page's language, a returning one in the
     * language of their last chat.
     */
    public Connection connect(Visitor visitor, long lastSeq, String pageLang) {
        Conversation conversation = openConversation(visitor, true, pageLang);
        return new Connection(conversation, store.eventsAfter(visitor.shop(), visitor.visitorId(), lastSeq));
    }

    /** The visitor's conversation that is not closed, if any (reads only; opens nothing). */
    public Optional<Conversation> openConversationOf(Visitor visitor) {
        return store.findOpen(visitor.shop(), visitor.visitorId());
    }

    /** The language this conversation's shopper writes in ({@code zh} or {@code en}), from their latest message. */
    public String languageOf(String conversationId) {
        return ConversationLanguage.of(store, conversationId);
    }

    /**
     * The language to speak to this visitor in ({@code zh} or {@code en}), from their latest message in their open
     * conversation or, if none, their last one: for texts composed outside a conversation's flow (notices).
     */
    public String languageOf(Visitor visitor) {
        return store.findOpen(visitor.shop(), visitor.visitorId())
                .or(() -> store.lastClosed(visitor.shop(), visitor.visitorId()))
                .map(c -> ConversationLanguage.of(store, c.id()))
                .orElse(ServiceTexts.DEFAULT_LANG);
    }

    /**
     * Tells a shopper about their records (a return moved, a ticket's result, a damage report decided): a system
     * message in their open conversation, or in a new one when none is open. The text passes the lint first.
     *
     * @throws LintRejectedException when the text has a forbidden phrase or an absolute promise
     */
    public ChatEvent notifyShopper(Visitor visitor, String text, Map<String, String> meta) {
        if (text == null || text.isBlank()) throw new ChatException("empty", "The notice is empty.");
        List<LintFinding> findings = linter.check(text);
        if (!findings.isEmpty()) throw new LintRejectedException(findings);
        Conversation conversation = openConversation(visitor, false);
        ChatEvent event = store.append(conversation.id(), new EventDraft(Sender.SYSTEM, text.strip(), List.of(), null,
                null, false, meta == null ? Map.of() : Map.copyOf(meta)), now()).event();
        bus.publish(event);
        return event;
    }

    /**
     * Stores a shopper's event that did not come as a typed message (a photo uploaded over HTTP) in the given
     * conversation, which must be the visitor's open one; the bot does not answer it.
     */
    public ChatEvent shopperAttachment(Visitor visitor, String conversationId, String text, Map<String, String> meta) {
        Conversation c = store.findOpen(visitor.shop(), visitor.visitorId())
                .filter(open -> open.id().equals(conversationId))
                .orElseThrow(() -> new ChatException("closed", texts.get("error.closed")));
        ChatEvent event = store.append(c.id(), new EventDraft(Sender.SHOPPER, text, List.of(), null, null, false,
                meta == null ? Map.of() : Map.copyOf(meta)), now()).event();
        metrics.counter("xiaoer.messages", "from", "shopper").increment();
        bus.publish(event);
        return event;
    }

    /** Replays the visitor's events after {@code lastSeq}, in order. */
    public List<ChatEvent> replay(Visitor visitor, long lastSeq) {
        return store.eventsAfter(visitor.shop(), visitor.visitorId(), lastSeq);
    }

    /**
     * Validates and durably stores a shopper's message. The ack is returned only after the store committed; a repeated
     * clientMsgId returns the first seq and stores nothing. Call {@link #respond(Ack)} after the ack was sent.
     */
    public Ack receive(Visitor visitor, String clientMsgId, String text) {
        ServiceTexts say = texts.in(ShopperLanguage.of(text));
        if (clientMsgId == null || clientMsgId.isBlank() || clientMsgId.length() > 100) {
            return refuse("bad_request", say.get("error.bad_request"));
        }
        if (text == null || text.isBlank()) {
            return refuse("empty", say.get("error.empty"));
        }
        if (text.length() > settings.maxMessageLength()) {
            return refuse("too_long", say.get("error.too_long", Map.of("max", settings.maxMessageLength())));
        }
        try {
            Optional<Ack> answered = surveyAnswer(visitor, clientMsgId, text);
            if (answered.isPresent()) return answered.get();
            Conversation conversation = openConversation(visitor, false);
            Appended appended = store.append(conversation.id(), EventDraft.shopper(text.strip(), clientMsgId), now());
            if (!appended.duplicate()) {
                metrics.counter("xiaoer.messages", "from", "shopper").increment();
                bus.publish(appended.event());
            }
            return Ack.stored(appended);
        } catch (RuntimeException e) {
            log.warn("could not store a message for {}: {}", visitor.key(), e.toString());
            return refuse("unavailable", say.get("error.unavailable"));
        }
    }

    /** Answers a stored shopper message: the bot answers unless a person owns or awaits the conversation. */
    public void respond(Ack ack) {
        if (!ack.ok() || ack.duplicate()) return;
        ChatEvent message = ack.event();
        Conversation conversation = store.find(message.conversationId()).orElse(null);
        if (conversation == null) return;
        Reception people = reception;
        if (conversation.status() == ConversationStatus.CLOSED && message.meta().containsKey(Survey.META_KEY)) {
            if (people != null) {
                publish(store.append(conversation.id(), new EventDraft(Sender.SYSTEM,
                        people.text("routing.survey.thanks", ShopperLanguage.of(message.text())), List.of(), null,
                        null, false,
                        Map.of("stage", Survey.ANSWER_STAGE, Survey.META_KEY, message.meta().get(Survey.META_KEY))),
                        now()));
            }
            return;
        }
        if (conversation.status() == ConversationStatus.QUEUED) {
            if (people != null && people.queuedMessage(conversation, message)) return;
            // never leave a waiting shopper silent: say where they stand
            publish(store.append(conversation.id(), EventDraft.system(texts.in(ShopperLanguage.of(message.text()))
                    .get("waiting.position",
                    Map.of("position", positionInQueue(conversation.id()))), List.of()), now()));
            return;
        }
        if (conversation.status() == ConversationStatus.AGENT && people != null) {
            people.shopperWrote(conversation.id(), message.at());
        }
        if (conversation.status() != ConversationStatus.BOT) return;

        BotContext context = context(conversation, message);
        BotTurn turn = bot.decide(message.text(), null, context);
        metrics.counter("xiaoer.bot.decisions", "decision", turn.decision().wire()).increment();
        if (turn.customerType() != null) metrics.counter("xiaoer.customer.types", "type", turn.customerType()).increment();
        publish(store.append(conversation.id(), EventDraft.bot(turn.text(), turn.quickReplies(), notes(turn)), now()));
        if (turn.handoff()) {
            List<String> shopperTexts = new ArrayList<>(context.earlierShopperTexts());
            shopperTexts.add(message.text());
            handOff(conversation, turn.handoffReason(), texts.in(ShopperLanguage.of(shopperTexts)));
        }
    }

    /**
     * What the bot needs to know of the conversation before {@code message}, from its last {@link #CONTEXT_EVENTS}
     * events (the customer-type window, the unsure streak, the previous answer and an order number given lately are
     * all in there; reading the whole history made every message cost more than the one before).
     */
    private BotContext context(Conversation conversation, ChatEvent message) {
        List<String> earlier = new ArrayList<>();
        int unsureStreak = 0;
        String previousScriptId = null;
        String awaiting = null;
        for (ChatEvent e : store.recentHistory(conversation.id(), message.seq(), CONTEXT_EVENTS)) {
            if (e.seq() >= message.seq()) break;
            if (e.from() == Sender.SHOPPER) earlier.add(e.text());
            if (e.from() == Sender.BOT && e.meta().containsKey("decision")) {
                unsureStreak = "suggest".equals(e.meta().get("decision")) ? unsureStreak + 1 : 0;
                previousScriptId = e.meta().get("scriptId");
                awaiting = e.meta().get("awaiting");
            }
        }
        Visitor visitor = new Visitor(conversation.shop(), conversation.visitorId(), conversation.verified(),
                conversation.customerName());
        return new BotContext(visitor, conversation.id(), earlier, previousScriptId, unsureStreak, awaiting);
    }

    private static Map<String, String> notes(BotTurn turn) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("decision", turn.decision().wire());
        meta.put("score", String.format("%.3f", turn.score()));
        if (turn.scriptId() != null) meta.put("scriptId", turn.scriptId());
        if (turn.customerType() != null) meta.put("customerType", turn.customerType());
        if (!turn.cues().isEmpty()) meta.put("cues", String.join("、", turn.cues()));
        if (turn.variant() != null) meta.put("variant", turn.variant());
        if (turn.handoffReason() != null) meta.put("handoff", turn.handoffReason());
        if (turn.awaiting() != null) meta.put("awaiting", turn.awaiting());
        return meta;
    }

    private void handOff(Conversation conversation, String reason, ServiceTexts say) {
        Optional<Conversation> queued = store.transition(conversation.id(), ConversationStatus.BOT,
                ConversationStatus.QUEUED, null, null, reason, now());
        if (queued.isEmpty()) return;
        metrics.counter("xiaoer.handoffs", "reason", reason).increment();
        Instant now = now();
        if (reception != null) {
            bus.publish(new ConversationChanged(queued.get()));
            int position = reception.handOff(queued.get(), reason);
            if (position > 0) {
                String told = settings.humanHours().isOpen(now)
                        ? say.get("handoff.position", Map.of("position", position))
                        : say.get("handoff.after_hours", Map.of("time", say.time(
                                settings.humanHours().nextOpening(now).atZone(settings.humanHours().zone()))));
                publish(store.append(conversation.id(), EventDraft.system(told, List.of()), now));
            }
            return;
        }
        String note;
        if (settings.humanHours().isOpen(now)) {
            note = say.get("handoff.position", Map.of("position", positionInQueue(conversation.id())));
        } else {
            ZonedDateTime back = settings.humanHours().nextOpening(now).atZone(settings.humanHours().zone());
            note = say.get("handoff.after_hours", Map.of("time", say.time(back)));
        }
        publish(store.append(conversation.id(), EventDraft.system(note, List.of()), now));
        bus.publish(new ConversationChanged(queued.get()));
    }

    /**
     * Waiting conversations whose courtesy reminder is known to be sent, with the queuedAt it was for: each pass then
     * reads the history only of those not reminded yet, instead of every waiting shopper's whole history every pass
     * (with thousands waiting at a sale's peak that was most of the scheduler's time).
     */
    private final Map<String, Instant> courtesyDone = new ConcurrentHashMap<>();

    /**
     * A waiting shopper is never left silent: once per conversation, after {@code courtesyAfter} in the queue, the
     * manuals' "对不起，请您稍等片刻". Call it periodically.
     */
    public int remindWaiting() {
        Instant now = now();
        int reminded = 0;
        Set<String> queued = new HashSet<>();
        for (Conversation c : store.withStatus(ConversationStatus.QUEUED)) {
            queued.add(c.id());
            if (c.queuedAt() == null || c.queuedAt().plus(settings.courtesyAfter()).isAfter(now)) continue;
            if (c.queuedAt().equals(courtesyDone.get(c.id()))) continue;
            boolean alreadyReminded = store.history(c.id()).stream()
                    .anyMatch(e -> "courtesy".equals(e.meta().get("stage")) && !e.at().isBefore(c.queuedAt()));
            if (!alreadyReminded) {
                String courtesy = texts.in(ConversationLanguage.of(store, c.id())).get("waiting.courtesy");
                publish(store.append(c.id(), new EventDraft(Sender.SYSTEM, courtesy, List.of(),
                        null, null, false, Map.of("stage", "courtesy")), now));
                reminded++;
            }
            courtesyDone.put(c.id(), c.queuedAt());
        }
        courtesyDone.keySet().retainAll(queued);
        return reminded;
    }

    private int positionInQueue(String conversationId) {
        Reception people = reception;
        if (people != null) {
            int position = people.position(conversationId);
            if (position > 0) return position;
        }
        List<Conversation> queue = waiting();
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).id().equals(conversationId)) return i + 1;
        }
        return queue.size() + 1;
    }

    /** The shopper is typing: only an agent watching needs to know. */
    public void shopperTyping(Visitor visitor, boolean on) {
        store.findOpen(visitor.shop(), visitor.visitorId()).ifPresent(c ->
                bus.publish(new TypingEvent(c.id(), c.shop(), c.visitorId(), Sender.SHOPPER, on)));
    }

    // ---- agent side ----

    /**
     * Conversations waiting for a person, in the order they will be served (with routing: complaints, then known
     * buyers with open orders, then first come first served), otherwise longest waiting first.
     */
    public List<Conversation> waiting() {
        List<Conversation> queue = new ArrayList<>(store.withStatus(ConversationStatus.QUEUED));
        queue.sort((a, b) -> compareInstants(a.queuedAt(), b.queuedAt()));
        Reception people = reception;
        if (people == null) return queue;
        Map<String, Integer> order = new java.util.HashMap<>();
        List<xiaoer.engine.routing.QueueEntry> routed = people.staffing().router().waiting();
        for (int i = 0; i < routed.size(); i++) order.put(routed.get(i).conversationId(), i);
        queue.sort(java.util.Comparator.comparingInt(c -> order.getOrDefault(c.id(), Integer.MAX_VALUE)));
        return queue;
    }

    /** Conversations an agent owns. */
    public List<Conversation> ownedBy(String agentId) {
        return store.withStatus(ConversationStatus.AGENT).stream().filter(c -> agentId.equals(c.agentId())).toList();
    }

    /** Every conversation in {@code status} (the lead's live view and charts). */
    public List<Conversation> conversations(ConversationStatus status) {
        return store.withStatus(status);
    }

    public Optional<Conversation> conversation(String conversationId) {
        return store.find(conversationId);
    }

    public List<ChatEvent> history(String conversationId) {
        return store.history(conversationId);
    }

    /**
     * An agent takes a waiting conversation; exactly one of several agents accepting at once wins. With routing the
     * pick goes through the router (capacity, group; {@link RoutingRefusedException} when a rule refuses).
     */
    public Conversation accept(AgentRef agent, String conversationId) {
        Reception people = reception;
        if (people != null) {
            Conversation c = store.find(conversationId)
                    .orElseThrow(() -> new ChatException("not_found", "No such conversation."));
            if (c.status() != ConversationStatus.QUEUED) {
                throw new ChatException("not_waiting", "This conversation is no longer waiting.");
            }
            return people.pick(agent, c);
        }
        Conversation taken = store.transition(conversationId, ConversationStatus.QUEUED, ConversationStatus.AGENT,
                        agent.id(), agent.name(), null, now())
                .orElseThrow(() -> new ChatException("not_waiting", "This conversation is no longer waiting."));
        publish(store.append(conversationId, new EventDraft(Sender.SYSTEM,
                texts.in(ConversationLanguage.of(store, conversationId)).get("agent.joined",
                        Map.of("agent", agent.name())), List.of(), agent.name(), null, false,
                Map.of()), now()));
        bus.publish(new ConversationChanged(taken));
        return taken;
    }

    /**
     * Sends an agent's reply after the lint: a reply with a forbidden phrase or an absolute promise is refused with
     * the findings (each with the manuals' wording to use instead).
     */
    public ChatEvent agentReply(AgentRef agent, String conversationId, String text) {
        Conversation c = owned(agent, conversationId);
        if (text == null || text.isBlank()) throw new ChatException("empty", "The reply is empty.");
        if (text.length() > settings.maxMessageLength()) {
            throw new ChatException("too_long", "The reply is longer than " + settings.maxMessageLength() + " characters.");
        }
        List<LintFinding> findings = linter.check(text);
        if (!findings.isEmpty()) throw new LintRejectedException(findings);
        ChatEvent sent = store.append(c.id(), EventDraft.agent(agent.name(), text.strip()), now()).event();
        metrics.counter("xiaoer.messages", "from", "agent").increment();
        Reception people = reception;
        if (people != null) people.agentReplied(c.id(), sent.at());
        bus.publish(sent);
        return sent;
    }

    /** An internal note on the conversation: agents see it, the shopper never does. */
    public ChatEvent note(AgentRef agent, String conversationId, String text) {
        return internalNote(agent, conversationId, text, Map.of());
    }

    /**
     * The lead whispers to the agent serving the conversation: an internal note marked {@code whisper}, never sent to
     * the shopper.
     */
    public ChatEvent whisper(AgentRef lead, String conversationId, String text) {
        return internalNote(lead, conversationId, text, Map.of("whisper", "true"));
    }

    private ChatEvent internalNote(AgentRef agent, String conversationId, String text, Map<String, String> meta) {
        if (text == null || text.isBlank()) throw new ChatException("empty", "The note is empty.");
        if (store.find(conversationId).isEmpty()) throw new ChatException("not_found", "No such conversation.");
        ChatEvent note = store.append(conversationId, new EventDraft(Sender.AGENT, text.strip(), List.of(),
                agent.name(), null, true, meta), now()).event();
        bus.publish(note);
        return note;
    }

    public void agentTyping(AgentRef agent, String conversationId, boolean on) {
        Conversation c = owned(agent, conversationId);
        bus.publish(new TypingEvent(c.id(), c.shop(), c.visitorId(), Sender.AGENT, on));
    }

    /** The agent ends the chat with the manuals' farewell; the shopper's next message starts over with the bot. */
    public Conversation close(AgentRef agent, String conversationId) {
        owned(agent, conversationId);
        Conversation closed = store.transition(conversationId, ConversationStatus.AGENT, ConversationStatus.CLOSED,
                        agent.id(), agent.name(), null, now())
                .orElseThrow(() -> new ChatException("not_owned", "This conversation is not yours to close."));
        String lang = ConversationLanguage.of(store, conversationId);
        publish(store.append(conversationId, EventDraft.system(texts.in(lang).get("closed"), List.of()), now()));
        Reception people = reception;
        if (people != null) {
            publish(store.append(conversationId, new EventDraft(Sender.SYSTEM, people.text("routing.survey.ask", lang),
                    people.surveyButtons(lang), null, null, false, Map.of("stage", Survey.ASK_STAGE)), now()));
        }
        bus.publish(new ConversationChanged(closed));
        if (people != null) people.closed(conversationId);
        return closed;
    }

    // ---- routing (issue 7): needs routeTo ----

    /** Passes the agent's conversation to a named colleague with a note the colleague sees. */
    public Conversation transferToAgent(AgentRef from, String conversationId, String toAgentId, String note) {
        return people().transferToAgent(from, owned(from, conversationId), toAgentId, note);
    }

    /** Sends the agent's conversation to a group's queue with a note; it keeps its place. */
    public Conversation transferToGroup(AgentRef from, String conversationId, SkillGroup group, String note) {
        return people().transferToGroup(from, owned(from, conversationId), group, note);
    }

    /** The lead moves a conversation away from its (silent) agent to the best other one, or back to the queue. */
    public Conversation reassign(AgentRef lead, String conversationId, String note) {
        Conversation c = store.find(conversationId)
                .orElseThrow(() -> new ChatException("not_found", "No such conversation."));
        if (c.status() != ConversationStatus.AGENT) {
            throw new ChatException("not_assigned", "This conversation is not with an agent now.");
        }
        return people().reassign(lead, c, note);
    }

    /**
     * Changes an agent's seat status under the seat rules (at most two away, a deputy when the lead leaves): coming
     * online routes waiting work to them, going offline puts their open chats back at the front of the queue.
     */
    public Outcome<SeatChange> changeSeat(String agentId, AgentStatus to, String deputyId) {
        return people().changeSeat(agentId, to, deputyId);
    }

    /**
     * Gives back the chats an agent whose seat is offline still holds (after a restart, the stored chats of an agent
     * who never came back; or a give-back that failed half-way). Returns how many went back to the queue; 0 while the
     * seat is not offline or without routing.
     */
    public int releaseChatsOfOffline(String agentId) {
        Reception people = reception;
        return people == null ? 0 : people.releaseChatsOfOffline(agentId);
    }

    /**
     * The periodic pass (every few seconds): routes what can be routed, offers shoppers past the queue timeout to
     * leave a message, flags silent agents and tells waiting shoppers their better place. Empty without routing.
     */
    public Optional<RoutingTick> tick() {
        Reception people = reception;
        return people == null ? Optional.empty() : Optional.of(people.tick());
    }

    /** Hears every periodic pass (the lead's console pushes silent agents and the seat board from it). */
    public void onTick(java.util.function.Consumer<RoutingTick> listener) {
        people().onTick(listener);
    }

    private Reception people() {
        Reception people = reception;
        if (people == null) throw new ChatException("no_routing", "Routing is not configured.");
        return people;
    }

    /**
     * A survey answer (满意/一般/不满意) from a shopper whose last chat was just closed with the survey: stored on that
     * conversation, not the start of a new one.
     */
    private Optional<Ack> surveyAnswer(Visitor visitor, String clientMsgId, String text) {
        if (reception == null) return Optional.empty();
        Optional<String> rating = Survey.rating(text);
        if (rating.isEmpty() || store.findOpen(visitor.shop(), visitor.visitorId()).isPresent()) return Optional.empty();
        Conversation closed = store.lastClosed(visitor.shop(), visitor.visitorId()).orElse(null);
        if (closed == null) return Optional.empty();
        List<ChatEvent> history = store.history(closed.id());
        ChatEvent last = history.isEmpty() ? null : history.get(history.size() - 1);
        boolean asked = last != null && Survey.ASK_STAGE.equals(last.meta().get("stage"))
                && last.at().plus(java.time.Duration.ofDays(1)).isAfter(now());
        boolean repeated = last != null && clientMsgId.equals(last.clientMsgId());
        if (!asked && !repeated) return Optional.empty();
        Appended appended = store.append(closed.id(), new EventDraft(Sender.SHOPPER, text.strip(), List.of(), null,
                clientMsgId, false, Map.of(Survey.META_KEY, rating.get())), now());
        if (!appended.duplicate()) {
            metrics.counter("xiaoer.messages", "from", "shopper").increment();
            metrics.counter("xiaoer.satisfaction", "rating", rating.get()).increment();
            bus.publish(appended.event());
        }
        return Optional.of(Ack.stored(appended));
    }

    private Conversation owned(AgentRef agent, String conversationId) {
        Conversation c = store.find(conversationId)
                .orElseThrow(() -> new ChatException("not_found", "No such conversation."));
        if (c.status() != ConversationStatus.AGENT || !agent.id().equals(c.agentId())) {
            throw new ChatException("not_owned", "This conversation is not assigned to you.");
        }
        return c;
    }

    // ---- shared ----

    private Conversation openConversation(Visitor visitor, boolean greet) {
        return openConversation(visitor, greet, null);
    }

    private Conversation openConversation(Visitor visitor, boolean greet, String pageLang) {
        // the common case, an open conversation, needs no lock (and no round trip to a cluster lock)
        Optional<Conversation> existing = store.findOpen(visitor.shop(), visitor.visitorId());
        if (existing.isPresent()) return existing.get();
        return visitorLocks.withLock(visitor.key(), () -> {
            Optional<Conversation> open = store.findOpen(visitor.shop(), visitor.visitorId());
            if (open.isPresent()) return open.get();
            // nothing said yet: a returning shopper is greeted in the language of their last chat, a new one in the
            // page's
            ServiceTexts say = greet ? texts.in(greetingLanguage(visitor, pageLang)) : texts;
            Conversation created = store.create(visitor, now());
            if (greet) {
                String greeting = visitor.name() == null ? say.get("greeting")
                        : say.get("greeting.named", Map.of("name", visitor.name()));
                publish(store.append(created.id(), EventDraft.bot(greeting, menu(say), Map.of("stage", "greet")),
                        now()));
            }
            return created;
        });
    }

    private String greetingLanguage(Visitor visitor, String pageLang) {
        Optional<String> spoken = store.lastClosed(visitor.shop(), visitor.visitorId())
                .flatMap(c -> store.lastFrom(c.id(), Sender.SHOPPER, Long.MAX_VALUE))
                .map(e -> ShopperLanguage.of(e.text()));
        if (spoken.isPresent()) return spoken.get();
        return pageLang != null && ServiceTexts.LANGS.contains(pageLang) ? pageLang : ServiceTexts.DEFAULT_LANG;
    }

    /** The IVR-style quick-reply menu (domain.md §7). */
    public List<QuickReply> menu() {
        return menu(texts);
    }

    private static List<QuickReply> menu(ServiceTexts say) {
        List<QuickReply> menu = new ArrayList<>();
        for (String item : say.get("menu").split(";")) {
            String[] parts = item.split("\\|", 2);
            menu.add(new QuickReply(parts[0], parts.length > 1 ? parts[1] : parts[0]));
        }
        return menu;
    }

    private void publish(Appended appended) {
        bus.publish(appended.event());
    }

    private Ack refuse(String code, String message) {
        metrics.counter("xiaoer.messages.refused", "reason", code).increment();
        return Ack.refused(code, message);
    }

    private Instant now() {
        return clock.instant();
    }

    private static int compareInstants(Instant a, Instant b) {
        if (a == null) return b == null ? 0 : 1;
        if (b == null) return -1;
        return a.compareTo(b);
    }
}
