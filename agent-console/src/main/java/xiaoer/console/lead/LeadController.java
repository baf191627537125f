package xiaoer.console.lead;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import xiaoer.console.AgentProfiles;
import xiaoer.console.web.BadRequestException;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.ChatException;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.ConversationStatus;
import xiaoer.engine.chat.RoutingRefusedException;
import xiaoer.engine.chat.Sender;
import xiaoer.engine.chat.Staffing;
import xiaoer.engine.routing.AgentState;
import xiaoer.engine.routing.OverdueAway;
import xiaoer.engine.routing.SeatReport;
import xiaoer.engine.routing.ShiftHandover;
import xiaoer.engine.routing.ShiftHandovers;
import xiaoer.engine.routing.SilentAgent;
import xiaoer.engine.routing.SkillGroup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The lead's REST side ({@code /api/lead}, LEAD and ADMIN only). */
@RestController
@RequestMapping("/api/lead")
public class LeadController {

    /** An open conversation as the lead sees it. */
    public record LiveConversation(String id, String customer, boolean verified, String status, String agentId,
                                   String agentName, String handoffReason, String customerType, long waitingSeconds,
                                   long openSeconds, boolean silent) {
    }

    public record SeatRow(String id, String name, String role, String status, List<String> skills, int load,
                          int capacity, long statusSeconds, int assignedToday) {
    }

    public record Board(List<SeatRow> seats, int away, int maxAway, String staffingWarning, String deputy,
                        List<OverdueAway> overdueAways, List<SilentAgent> silent, int waiting) {
    }

    public record Text(String text) {
    }

    public record HandoverRequest(String text, List<String> conversationIds, List<String> ticketNumbers) {
    }

    private static final int MAX_HOURS = 72;
    private static final Set<Integer> BUCKETS = Set.of(5, 15, 60);

    private final ChatEngine engine;
    private final AgentProfiles profiles;
    private final ObjectProvider<ShiftHandovers> handovers;
    private final Clock clock;

    public LeadController(ChatEngine engine, AgentProfiles profiles, ObjectProvider<ShiftHandovers> handovers,
                          ObjectProvider<Clock> clock) {
        this.engine = engine;
        this.profiles = profiles;
        this.handovers = handovers;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Every conversation waiting or with an agent: who serves it, how long the shopper waits, the customer type. */
    @GetMapping("/live")
    public List<LiveConversation> live() {
        Instant now = clock.instant();
        Set<String> silent = new java.util.HashSet<>();
        engine.staffing().ifPresent(s -> s.router().silentAgents().forEach(a -> silent.add(a.conversationId())));
        List<LiveConversation> out = new ArrayList<>();
        List<Conversation> open = new ArrayList<>(engine.waiting());
        open.addAll(engine.conversations(ConversationStatus.AGENT));
        for (Conversation c : open) {
            String type = null;
            for (ChatEvent e : engine.history(c.id())) {
                if (e.from() == Sender.BOT && e.meta().get("customerType") != null) type = e.meta().get("customerType");
            }
            long waiting = c.status() == ConversationStatus.QUEUED && c.queuedAt() != null
                    ? Math.max(0, Duration.between(c.queuedAt(), now).toSeconds()) : 0;
            out.add(new LiveConversation(c.id(), c.customerName() != null ? c.customerName() : c.visitorId(),
                    c.verified(), c.status().name().toLowerCase(Locale.ROOT), c.agentId(), c.agentName(),
                    c.handoffReason(), type, waiting, Math.max(0, Duration.between(c.createdAt(), now).toSeconds()),
                    silent.contains(c.id())));
        }
        return out;
    }

    /** The seat board: states, loads, away timers, the staffing warning, the deputy, silent agents. */
    @GetMapping("/seats")
    public Board seats() {
        Staffing s = staffing();
        Instant now = clock.instant();
        List<SeatRow> rows = new ArrayList<>();
        for (AgentState a : s.router().agents()) {
            var seat = a.seat();
            rows.add(new SeatRow(seat.id(), seat.name(), seat.role().name().toLowerCase(Locale.ROOT),
                    seat.status().name().toLowerCase(Locale.ROOT),
                    seat.skills().stream().map(SkillGroup::wire).sorted().toList(), a.load(), seat.capacity(),
                    Math.max(0, Duration.between(seat.statusSince(), now).toSeconds()), a.assignedToday()));
        }
        SeatReport report = s.seats().report();
        String warning = report.staffing().map(w -> "当前在岗客服只有 " + w.onDuty() + " 位，少于要求的 " + w.required()
                + " 位 · " + w.message()).orElse(null);
        return new Board(rows, s.seats().awayCount(), 2, warning, report.deputyId(), report.overdueAways(),
                s.router().silentAgents(), s.router().waiting().size());
    }

    /** An internal note to the agent, flagged as a whisper: never sent to the shopper. */
    @PostMapping("/conversations/{id}/whisper")
    public Object whisper(@PathVariable String id, @RequestBody Text body, Authentication auth) {
        if (body == null || body.text() == null || body.text().isBlank()) {
            throw new BadRequestException("empty", "The whisper is empty.");
        }
        ChatEvent e = engine.whisper(profiles.agentRef(auth), id, body.text());
        return java.util.Map.of("conversationId", e.conversationId(), "seq", e.seq());
    }

    /** Moves a conversation away from its (silent) agent. */
    @PostMapping("/conversations/{id}/reassign")
    public Object reassign(@PathVariable String id, @RequestBody(required = false) Text body, Authentication auth) {
        Conversation c = engine.reassign(profiles.agentRef(auth), id, body == null ? null : body.text());
        return java.util.Map.of("id", c.id(), "status", c.status().name().toLowerCase(Locale.ROOT),
                "agentId", c.agentId() == null ? "" : c.agentId());
    }

    @GetMapping("/handovers")
    public List<ShiftHandover> handoverNotes() {
        ShiftHandovers h = handovers.getIfAvailable();
        if (h == null) return List.of();
        List<ShiftHandover> all = new ArrayList<>(h.pending());
        h.latest().filter(ShiftHandover::acknowledged).ifPresent(all::add);
        return all;
    }

    @PostMapping("/handovers")
    public ShiftHandover writeHandover(@RequestBody HandoverRequest body, Authentication auth) {
        if (body == null) throw new BadRequestException("bad_request", "Send {\"text\": ...}.");
        var outcome = shifts().write(auth.getName(), body.text(), body.conversationIds(), body.ticketNumbers());
        if (!outcome.isDone()) throw new RoutingRefusedException(outcome.refusal().orElseThrow());
        return outcome.orThrow();
    }

    @PostMapping("/handovers/{id}/ack")
    public ShiftHandover acknowledge(@PathVariable String id, Authentication auth) {
        var outcome = shifts().acknowledge(id, auth.getName());
        if (!outcome.isDone()) throw new RoutingRefusedException(outcome.refusal().orElseThrow());
        return outcome.orThrow();
    }

    /** Time series per {@code bucket} minutes (5, 15 or 60) over the last {@code hours}. */
    @GetMapping("/charts")
    public LeadCharts.Series charts(@RequestParam(defaultValue = "6") int hours,
                                    @RequestParam(defaultValue = "15") int bucket) {
        if (!BUCKETS.contains(bucket)) throw new BadRequestException("bad_bucket", "bucket is 5, 15 or 60 minutes.");
        if (hours < 1 || hours > MAX_HOURS) throw new BadRequestException("bad_hours", "hours is 1 to " + MAX_HOURS + ".");
        return LeadCharts.compute(engine, clock.instant(), hours, bucket);
    }

    private Staffing staffing() {
        return engine.staffing().orElseThrow(() -> new ChatException("no_routing", "Routing is not configured."));
    }

    private ShiftHandovers shifts() {
        ShiftHandovers h = handovers.getIfAvailable();
        if (h == null) throw new ChatException("no_handovers", "Hand-over notes are not configured.");
        return h;
    }
}
