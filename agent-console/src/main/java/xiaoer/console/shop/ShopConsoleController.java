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
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.ConversationStore;
import xiaoer.engine.chat.Visitor;
import xiaoer.engine.shop.CustomerRecords;
import xiaoer.engine.shop.InvalidInputException;
import xiaoer.engine.shop.RecordNotFoundException;
import xiaoer.engine.shop.ShopService;
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

/**
 * Beside a chat in the console: the shopper's records and the actions on them. Agents act under their log-in name;
 * the customer view shows only what the shopper may see (their own or identified orders), like the bot would.
 */
@RestController
@RequestMapping("/api/console/shop")
public class ShopConsoleController {

    private final ShopService shop;
    private final ConversationStore conversations;

    public ShopConsoleController(ShopService shop, ConversationStore conversations) {
        this.shop = shop;
        this.conversations = conversations;
    }

    public record NewReturn(String shop, String orderNo, ReturnKind kind, String reason) {
    }

    public record ReturnMove(ReturnState to, String note) {
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
        return ResponseEntity.status(201).body(shop.requestReturn(shopName, r.orderNo(), r.kind(), r.reason(),
                agent.getName()));
    }

    @PostMapping("/returns/{id}/moves")
    public ReturnRequest moveReturn(@PathVariable String id, @RequestBody ReturnMove m, Principal agent) {
        return shop.moveReturn(id, m.to(), agent.getName(), m.note());
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
    public Ticket result(@PathVariable String number, @RequestBody Result r, Principal agent) {
        return shop.recordResult(number, r.result(), r.validComplaint() == null || r.validComplaint(), agent.getName());
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

    private Conversation conversation(String id) {
        return conversations.find(id).orElseThrow(() -> new RecordNotFoundException("conversation", id));
    }
}
