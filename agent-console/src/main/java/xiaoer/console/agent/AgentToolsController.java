package xiaoer.console.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import xiaoer.console.AgentProfiles;
import xiaoer.console.web.BadRequestException;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.ChatException;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.RoutingRefusedException;
import xiaoer.engine.chat.Sender;
import xiaoer.engine.chat.Staffing;
import xiaoer.engine.policy.OrderNumberExtractor;
import xiaoer.engine.routing.AgentState;
import xiaoer.engine.routing.AgentStatus;
import xiaoer.engine.routing.Outcome;
import xiaoer.engine.routing.SeatChange;
import xiaoer.engine.routing.SkillGroup;
import xiaoer.kb.Candidate;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Retrieval;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The agent's tools around a chat (issue 7): their seat status, colleagues to transfer to, transfers with a note,
 * canned replies with the conversation's variables filled, and the knowledge base's best answers for the shopper's
 * last message.
 */
@RestController
@RequestMapping("/api/console")
public class AgentToolsController {

    private static final Logger log = LoggerFactory.getLogger(AgentToolsController.class);
    private static final int SUGGESTIONS = 3;

    /** The caller's seat, or {@code routing: false} when the engine does not route. */
    public record SeatView(boolean routing, String id, String name, String role, String status, List<String> skills,
                           int capacity, int load, long statusSeconds) {
    }

    public record StatusRequest(String status, String deputy) {
    }

    /** To a named agent ({@code toAgent}) or a group ({@code toGroup}: presales, aftersales, complaints). */
    public record TransferRequest(String toAgent, String toGroup, String note) {
    }

    public record Suggestion(String scriptId, double score, String answer) {
    }

    private final ChatEngine engine;
    private final AgentProfiles profiles;
    private final SeatPresence presence;
    private final CannedReplies canned;
    private final ObjectProvider<KnowledgeBase> kb;
    private final Clock clock;
    private final OrderNumberExtractor orderNumbers = new OrderNumberExtractor();

    public AgentToolsController(ChatEngine engine, AgentProfiles profiles, SeatPresence presence, CannedReplies canned,
                                ObjectProvider<KnowledgeBase> kb, ObjectProvider<Clock> clock) {
        this.engine = engine;
        this.profiles = profiles;
        this.presence = presence;
        this.canned = canned;
        this.kb = kb;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/seat")
    public SeatView seat(Authentication auth) {
        presence.ensure(auth);
        return view(auth.getName());
    }

    /** 409 with the reason (e.g. too_many_away: 已有 2 位客服暂离) when a seat rule refuses. */
    @PostMapping("/seat/status")
    public SeatView status(@RequestBody StatusRequest body, Authentication auth) {
        if (body == null || body.status() == null) throw new BadRequestException("bad_request", "Send {\"status\": ...}.");
        AgentStatus to;
        try {
            to = AgentStatus.valueOf(body.status().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("bad_status", "status is one of online, busy, away, offline.");
        }
        presence.register(auth); // not ensure(): offline → busy must not pass through online
        String deputy = body.deputy() == null || body.deputy().isBlank() ? null : body.deputy();
        Outcome<SeatChange> outcome = engine.changeSeat(auth.getName(), to, deputy);
        if (!outcome.isDone()) throw new RoutingRefusedException(outcome.refusal().orElseThrow());
        SeatChange change = outcome.orThrow();
        if (change.changed()) {
            log.info("agent {} is {} (was {})", auth.getName(), change.seat().status().name().toLowerCase(Locale.ROOT),
                    change.previous().name().toLowerCase(Locale.ROOT));
        }
        return view(auth.getName());
    }

    /** Every known agent with status and load: the transfer dialog's choices. */
    @GetMapping("/agents")
    public List<SeatView> agents() {
        Optional<Staffing> staffing = engine.staffing();
        if (staffing.isEmpty()) return List.of();
        return staffing.get().router().agents().stream().map(a -> view(a)).toList();
    }

    @PostMapping("/conversations/{id}/transfer")
    public ConversationView transfer(@PathVariable String id, @RequestBody TransferRequest body, Authentication auth) {
        if (body == null || body.note() == null || body.note().isBlank()) {
            throw new BadRequestException("note_required", "转接时请给下一位客服留一句备注 · A transfer needs a note.");
        }
        Conversation moved;
        if (body.toAgent() != null && !body.toAgent().isBlank()) {
            moved = engine.transferToAgent(profiles.agentRef(auth), id, body.toAgent(), body.note());
        } else if (body.toGroup() != null && !body.toGroup().isBlank()) {
            SkillGroup group;
            try {
                group = SkillGroup.valueOf(body.toGroup().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("bad_group", "toGroup is one of presales, aftersales, complaints.");
            }
            moved = engine.transferToGroup(profiles.agentRef(auth), id, group, body.note());
        } else {
            throw new BadRequestException("bad_request", "Name toAgent or toGroup.");
        }
        return ConversationView.of(moved, clock);
    }

    /** Canned replies with {客户名}, {订单号} and {客服名} filled for this conversation. */
    @GetMapping("/conversations/{id}/canned")
    public List<CannedReplies.Canned> canned(@PathVariable String id, Authentication auth) {
        Conversation c = find(id);
        String orderNo = null;
        for (ChatEvent e : engine.history(id)) {
            if (e.from() == Sender.SHOPPER) orderNo = orderNumbers.orderNumber(e.text()).orElse(orderNo);
        }
        return canned.filled(engine.languageOf(id), c.customerName(), orderNo, profiles.agentRef(auth).name());
    }

    /** The knowledge base's best answers for the shopper's last message, best first. */
    @GetMapping("/conversations/{id}/suggestions")
    public List<Suggestion> suggestions(@PathVariable String id) {
        find(id);
        KnowledgeBase base = kb.getIfAvailable();
        if (base == null) return List.of();
        String last = null;
        for (ChatEvent e : engine.history(id)) {
            if (e.from() == Sender.SHOPPER) last = e.text();
        }
        if (last == null) return List.of();
        List<Suggestion> out = new ArrayList<>();
        Retrieval r = base.retrieve(last, null);
        for (Candidate c : r.candidates()) {
            if (out.size() == SUGGESTIONS) break;
            // in the shopper's language: an English shopper's agent is offered the English answer
            base.script(c.scriptId(), r.lang()).filter(s -> !"human".equals(s.id()))
                    .ifPresent(s -> out.add(new Suggestion(s.id(), c.score(), s.answer())));
        }
        return out;
    }

    private SeatView view(String agentId) {
        Optional<Staffing> staffing = engine.staffing();
        if (staffing.isEmpty()) return new SeatView(false, agentId, agentId, null, null, List.of(), 0, 0, 0);
        return staffing.get().router().agents().stream().filter(a -> a.id().equals(agentId)).findFirst()
                .map(this::view)
                .orElseThrow(() -> new ChatException("not_found", "No seat for " + agentId + "."));
    }

    private SeatView view(AgentState a) {
        var s = a.seat();
        return new SeatView(true, s.id(), s.name(), s.role().name().toLowerCase(Locale.ROOT),
                s.status().name().toLowerCase(Locale.ROOT), s.skills().stream().map(SkillGroup::wire).sorted().toList(),
                s.capacity(), a.load(), Math.max(0, java.time.Duration.between(s.statusSince(), clock.instant()).toSeconds()));
    }

    private Conversation find(String id) {
        return engine.conversation(id).orElseThrow(() -> new ChatException("not_found", "No such conversation."));
    }
}
