package xiaoer.console.shop;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.LintRejectedException;
import xiaoer.engine.chat.ConversationStore;
import xiaoer.engine.chat.Visitor;
import xiaoer.engine.shop.CustomerRecords;
import xiaoer.engine.shop.InvalidInputException;
import xiaoer.engine.shop.RecordNotFoundException;
import xiaoer.engine.shop.ShopNotices;
import xiaoer.engine.shop.ShopService;
import xiaoer.kb.LintFinding;
import xiaoer.kb.Linter;
import xiaoer.engine.shop.kpi.KpiReport;
import xiaoer.engine.shop.orders.OrderView;
import xiaoer.engine.shop.returns.ReturnKind;
import xiaoer.engine.shop.returns.ReturnRequest;
import xiaoer.engine.shop.returns.ReturnState;
import xiaoer.engine.shop.tickets.NewTicket;
import xiaoer.engine.shop.tickets.OverdueTicket;
import xiaoer.engine.shop.tickets.Ticket;
import xiaoer.engine.shop.tickets.TicketKind;

import java.security.Principal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Beside a chat in the console: the shopper's records and the actions on them. Agents act under their log-in name;
 * the customer view shows only what the shopper may see (their own or identified orders), like the bot would.
 */
@RestController
@RequestMapping("/api/console/shop")
public class ShopConsoleController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ShopConsoleController.class);

    private final ShopService shop;
    private final ConversationStore conversations;
    private final ChatEngine engine;
    private final Linter linter;
    private final ShopNotices notices = new ShopNotices();

    public ShopConsoleController(ShopService shop, ConversationStore conversations, ChatEngine engine, Linter linter) {
        this.shop = shop;
        this.conversations = conversations;
        this.engine = engine;
        this.linter = linter;
    }

    /** {@code conversationId} (optional): the chat it was asked in; the shopper there is told. */
    public record NewReturn(String shop, String orderNo, ReturnKind kind, String reason, String conversationId) {
    }

    /**
     * {@code conversationId} (optional) names the chat whose shopper is told; without it the shopper who asked for the
     * return, else the order's buyer, is told (in their open conversation, or a new one).
     */
    public record ReturnMove(ReturnState to, String note, String conversationId) {
    }

    /** {@code conversationId} fills shop, visitor and buyer; {@code replyWithinHours} overrides the 72 h default. */
    public record TicketRequest(String conversationId, String shop, TicketKind kind, String repairKind, String subject,
                                String description, String orderNo, String owner, Integer replyWithinHours) {
    }

    public record Assignment(String owner) {
    }

    public record Result(String result, Boolean validComplaint) {
    }

    public record FollowUpRequest(Boolean reached, Boolean satisfied, String note) {
    }

    @GetMapping("/customer")
    public CustomerRecords customer(@RequestParam String conversationId) {
        Conversation c = conversation(conversationId);
        return shop.customerRecords(new Visitor(c.shop(), c.visitorId(), c.verified(), c.customerName()), c.id());
    }

    @GetMapping("/orders/{orderNo}")
    public OrderView order(@PathVariable String orderNo, @RequestParam(defaultValue = "default") String shopName) {
        return shop.orderForAgent(shopName, orderNo).orElseThrow(() -> new RecordNotFoundException("order", orderNo));
    }

    @PostMapping("/returns")
    public ResponseEntity<ReturnRequest> requestReturn(@RequestBody NewReturn r, Principal agent) {
        String shopName = r.shop() == null ? "default" : r.shop();
        Conversation c = r.conversationId() == null ? null : conversation(r.conversationId());
        if (c != null) shopName = c.shop();
        ReturnRequest created = shop.requestReturn(shopName, r.orderNo(), r.kind(), r.reason(), agent.getName());
        Visitor shopper = c == null ? null : new Visitor(c.shop(), c.visitorId(), c.verified(), null);
        if (shopper != null) tell(shopper, notices.returnMoved(created, engine.languageOf(shopper)),
                Map.of("notice", "return", "returnId", created.id(), "state", created.state().name()));
        return ResponseEntity.status(201).body(created);
    }

    /** Moves a return; the shopper is told the new state in the chat (header {@code X-Shopper-Notified}). */
    @PostMapping("/returns/{id}/moves")
    public ResponseEntity<ReturnRequest> moveReturn(@PathVariable String id, @RequestBody ReturnMove m, Principal agent) {
        lint(m.note());
        Conversation c = m.conversationId() == null ? null : conversation(m.conversationId());
        ReturnRequest moved = shop.moveReturn(id, m.to(), agent.getName(), m.note());
        Visitor target = c != null ? new Visitor(c.shop(), c.visitorId(), c.verified(), null) : returnShopper(moved);
        boolean told = target != null && tell(target, notices.returnMoved(moved, engine.languageOf(target)),
                Map.of("notice", "return", "returnId", moved.id(), "state", moved.state().name()));
        return ResponseEntity.ok().header("X-Shopper-Notified", Boolean.toString(told)).body(moved);
    }

    @PostMapping("/tickets")
    public ResponseEntity<Ticket> openTicket(@RequestBody TicketRequest t, Principal agent) {
        String shopName = t.shop() == null ? "default" : t.shop();
        String visitorId = null;
        String buyerId = null;
        if (t.conversationId() != null) {
            Conversation c = conversation(t.conversationId());
            shopName = c.shop();
            visitorId = c.visitorId();
            buyerId = c.verified() ? c.visitorId() : null;
        }
        if (t.replyWithinHours() != null && t.replyWithinHours() < 1) {
            throw InvalidInputException.of("replyWithinHours", "must be ≥ 1");
        }
        Duration replyWithin = t.replyWithinHours() == null ? null : Duration.ofHours(t.replyWithinHours());
        return ResponseEntity.status(201).body(shop.openTicket(new NewTicket(shopName, t.kind(), t.repairKind(),
                t.subject(), t.description(), visitorId, buyerId, t.conversationId(), t.orderNo(), t.owner(),
                agent.getName(), replyWithin)));
    }

    @GetMapping("/tickets/overdue")
    public List<OverdueTicket> overdue() {
        return shop.overdueTickets();
    }

    @GetMapping("/tickets/{number}")
    public Ticket ticket(@PathVariable String number) {
        return shop.findTicket(number).orElseThrow(() -> new RecordNotFoundException("ticket", number));
    }

    @PostMapping("/tickets/{number}/assign")
    public Ticket assign(@PathVariable String number, @RequestBody Assignment a) {
        return shop.assignTicket(number, a.owner());
    }

    @PostMapping("/tickets/{number}/result")
    public ResponseEntity<Ticket> result(@PathVariable String number, @RequestBody Result r, Principal agent) {
        lint(r.result());
        Ticket t = shop.recordResult(number, r.result(), r.validComplaint() == null || r.validComplaint(), agent.getName());
        Visitor shopper = t.visitorId() == null ? null : Visitor.anonymous(t.shop(), t.visitorId());
        boolean told = shopper != null && tell(shopper, notices.ticketResult(t, engine.languageOf(shopper)),
                Map.of("notice", "ticket", "ticketNo", t.number()));
        return ResponseEntity.ok().header("X-Shopper-Notified", Boolean.toString(told)).body(t);
    }

    @PostMapping("/tickets/{number}/follow-ups")
    public Ticket followUp(@PathVariable String number, @RequestBody FollowUpRequest f, Principal agent) {
        if (f.reached() == null) throw InvalidInputException.of("reached", "is required");
        return shop.followUp(number, f.reached(), f.satisfied(), f.note(), agent.getName());
    }

    @GetMapping("/kpis")
    public KpiReport kpis(@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        return shop.kpis(month);
    }

    /** Free text that ends up in a shopper's notice passes the lint before anything changes. */
    private void lint(String text) {
        if (text == null || text.isBlank()) return;
        List<LintFinding> findings = linter.check(text);
        if (!findings.isEmpty()) throw new LintRejectedException(findings);
    }

    /** Who a return's news goes to: the shopper who asked for it, else the order's (signed) buyer. */
    private Visitor returnShopper(ReturnRequest r) {
        String first = r.steps().isEmpty() ? null : r.steps().get(0).actor();
        if (first != null && first.startsWith("shopper:")) return Visitor.anonymous(r.shop(), first.substring(8));
        return shop.orderForAgent(r.shop(), r.orderNo()).map(v -> v.order().buyerId())
                .map(b -> new Visitor(r.shop(), b, true, null)).orElse(null);
    }

    private boolean tell(Visitor visitor, String text, Map<String, String> meta) {
        try {
            engine.notifyShopper(visitor, text, meta);
            return true;
        } catch (RuntimeException e) {
            log.warn("could not tell {} about their records: {}", visitor.key(), e.toString());
            return false;
        }
    }

    private Conversation conversation(String id) {
        return conversations.find(id).orElseThrow(() -> new RecordNotFoundException("conversation", id));
    }
}
