package xiaoer.engine.shop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import xiaoer.engine.chat.Visitor;
import xiaoer.engine.shop.identity.Identification;
import xiaoer.engine.shop.identity.OrderAccess;
import xiaoer.engine.shop.identity.OrderIdentifier;
import xiaoer.engine.shop.kpi.KpiCalculator;
import xiaoer.engine.shop.kpi.KpiReport;
import xiaoer.engine.shop.orders.Order;
import xiaoer.engine.shop.orders.OrderDraft;
import xiaoer.engine.shop.orders.OrderRepository;
import xiaoer.engine.shop.orders.OrderValidator;
import xiaoer.engine.shop.orders.OrderView;
import xiaoer.engine.shop.orders.ShipmentDraft;
import xiaoer.engine.shop.orders.ShipmentEvent;
import xiaoer.engine.shop.orders.ShipmentValidator;
import xiaoer.engine.shop.returns.ReturnEligibility;
import xiaoer.engine.shop.returns.ReturnKind;
import xiaoer.engine.shop.returns.ReturnPolicy;
import xiaoer.engine.shop.returns.ReturnRequest;
import xiaoer.engine.shop.returns.ReturnState;
import xiaoer.engine.shop.returns.ReturnStep;
import xiaoer.engine.shop.tickets.NewTicket;
import xiaoer.engine.shop.tickets.OverdueTicket;
import xiaoer.engine.shop.tickets.Ticket;
import xiaoer.engine.shop.tickets.TicketDesk;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The shop's records for the bot, the console and the integration API. Shopper-facing methods take the
 * {@link Visitor} and never return an order that visitor may not see (domain.md §9); agent-facing ones take the
 * agent's user name as {@code actor}. Texts for shoppers are the caller's job (resource texts), so the answers here
 * are plain values and outcomes.
 *
 * <pre>{@code
 * Identification id = shop.identify(visitor, "E20261101001", "1234");
 * if (id.identified()) shop.latestShipment(visitor, "E20261101001").ifPresent(e -> reply(e.status(), e.place()));
 * }</pre>
 */
public final class ShopService {

    private static final Logger log = LoggerFactory.getLogger(ShopService.class);

    private final ShopPorts ports;
    private final ShopRules rules;
    private final Clock clock;
    private final OrderAccess access;
    private final OrderIdentifier identifier;
    private final ReturnPolicy returnPolicy;
    private final TicketDesk desk;

    public ShopService(ShopPorts ports, ShopRules rules, Clock clock) {
        this.ports = ports;
        this.rules = rules;
        this.clock = clock;
        this.access = new OrderAccess(ports.grants());
        this.identifier = new OrderIdentifier(ports.orders(), ports.grants(), ports.failures(), rules.identity());
        this.returnPolicy = new ReturnPolicy(rules.returnWindow(), rules.excludedCategories());
        this.desk = new TicketDesk(ports.tickets(), ports.ticketNumbers(), rules.tickets(), rules.zone());
    }

    public ShopRules rules() {
        return rules;
    }

    // ---- the shop's system (integration API, demo data)

    /**
     * @throws InvalidInputException with every field-level problem; nothing is stored then
     * @throws ShopRuleException     {@code stale} when the stored order was changed later in the shop's system than
     *                               this version (an update that arrived late); nothing is stored then
     */
    public OrderUpserted upsertOrder(String shop, String orderNo, OrderDraft draft) {
        Order order = OrderValidator.validate(shop, orderNo, draft, now());
        OrderRepository.Upsert done = ports.orders().upsert(order);
        if (done == OrderRepository.Upsert.STALE) {
            throw new ShopRuleException("stale", "order " + orderNo + ": this version (updatedAt "
                    + order.sourceUpdatedAt() + ") is older than the one stored; nothing changed");
        }
        boolean created = done == OrderRepository.Upsert.CREATED;
        log.info("order {}/{} {} ({})", shop, orderNo, created ? "created" : "updated", order.status());
        return new OrderUpserted(order, created);
    }

    /**
     * Appends a shipment event; the same event again is recorded once and answered as a duplicate.
     *
     * @throws InvalidInputException    when the event is malformed
     * @throws RecordNotFoundException  when the order is unknown (send the order first)
     */
    public ShipmentRecorded recordShipment(String shop, String orderNo, ShipmentDraft draft) {
        ShipmentEvent event = ShipmentValidator.validate(shop, orderNo, draft);
        if (ports.orders().find(shop, orderNo).isEmpty()) throw new RecordNotFoundException("order", orderNo);
        boolean stored = ports.orders().appendShipment(event);
        return new ShipmentRecorded(event, !stored);
    }

    // ---- the shopper (bot, widget): only what this visitor may see

    /** Checks order number + phone tail; on a match the visitor may see that order from now on. */
    public Identification identify(Visitor visitor, String orderNo, String phoneTail) {
        OrderIdentifier.Result r = identifier.identify(visitor, orderNo, phoneTail, now());
        if (r.order() == null) return new Identification(r.outcome(), Optional.empty(), r.retryAfter());
        return new Identification(r.outcome(), Optional.of(view(r.order())), null);
    }

    /** The order with its shipments, when this visitor may see it; empty for unknown and for others' orders alike. */
    public Optional<OrderView> findForVisitor(Visitor visitor, String orderNo) {
        Instant now = now();
        return ports.orders().find(visitor.shop(), orderNo).filter(o -> access.maySee(visitor, o, now)).map(this::view);
    }

    /** Every order the visitor may see: a signed visitor's own, plus those identified by number + tail. */
    public List<OrderView> ordersForVisitor(Visitor visitor) {
        Instant now = now();
        Map<String, Order> seen = new LinkedHashMap<>();
        if (visitor.verified()) {
            ports.orders().findByBuyer(visitor.shop(), visitor.visitorId()).forEach(o -> seen.put(o.orderNo(), o));
        }
        for (String no : ports.grants().orders(visitor.shop(), visitor.visitorId(), now)) {
            if (!seen.containsKey(no)) ports.orders().find(visitor.shop(), no).ifPresent(o -> seen.put(no, o));
        }
        return seen.values().stream().map(this::view).toList();
    }

    /** The newest carrier event of an order this visitor may see. */
    public Optional<ShipmentEvent> latestShipment(Visitor visitor, String orderNo) {
        return findForVisitor(visitor, orderNo).flatMap(OrderView::latestShipment);
    }

    /** Whether the 7-day no-reason rule covers the order at {@code now} (window end inclusive). */
    public ReturnEligibility returnEligibility(Order order, Instant now) {
        return returnPolicy.evaluate(order, now);
    }

    /** A shopper asks to return or exchange one of their orders. */
    public ReturnRequest requestReturn(Visitor visitor, String orderNo, ReturnKind kind, String reason) {
        Order order = findForVisitor(visitor, orderNo).map(OrderView::order)
                .orElseThrow(() -> new RecordNotFoundException("order", orderNo));
        return startReturn(order, kind, reason, "shopper:" + visitor.visitorId());
    }

    // ---- agents (console): staff see any order of the shop

    public Optional<OrderView> orderForAgent(String shop, String orderNo) {
        return ports.orders().find(shop, orderNo).map(this::view);
    }

    /** Beside a chat: what this visitor may see, with returns, eligibility and their tickets. */
    public CustomerRecords customerRecords(Visitor visitor, String conversationId) {
        Instant now = now();
        List<CustomerRecords.CustomerOrder> orders = new ArrayList<>();
        for (OrderView v : ordersForVisitor(visitor)) {
            orders.add(new CustomerRecords.CustomerOrder(v, returnPolicy.evaluate(v.order(), now),
                    ports.returns().forOrder(v.order().shop(), v.order().orderNo())));
        }
        List<Ticket> tickets = ports.tickets().forCustomer(visitor.shop(), visitor.visitorId(),
                visitor.verified() ? visitor.visitorId() : null);
        return new CustomerRecords(visitor.verified() || !orders.isEmpty(), orders, tickets);
    }

    public ReturnRequest requestReturn(String shop, String orderNo, ReturnKind kind, String reason, String actor) {
        Order order = ports.orders().find(shop, orderNo).orElseThrow(() -> new RecordNotFoundException("order", orderNo));
        return startReturn(order, kind, reason, actor);
    }

    /** @throws xiaoer.engine.shop.returns.IllegalTransitionException when {@code to} may not follow */
    public ReturnRequest moveReturn(String returnId, ReturnState to, String actor, String note) {
        ReturnRequest current = ports.returns().find(returnId)
                .orElseThrow(() -> new RecordNotFoundException("return", returnId));
        if (to == null) throw InvalidInputException.of("to", "is required: one of " + current.state().next());
        FieldErrors errors = new FieldErrors();
        String n = errors.optionalText("note", note, 1000);
        errors.throwIfAny();
        if (!ports.returns().update(current.moveTo(to, actor, now(), n))) {
            throw new ConcurrentUpdateException("return", returnId);
        }
        log.info("return {} of {} moved to {} by {}", returnId, current.orderNo(), to, actor);
        return ports.returns().find(returnId).orElseThrow();
    }

    public Optional<ReturnRequest> findReturn(String returnId) {
        return ports.returns().find(returnId);
    }

    public Ticket openTicket(NewTicket ticket) {
        return desk.open(ticket, now());
    }

    public Optional<Ticket> findTicket(String number) {
        return desk.find(number);
    }

    public Ticket assignTicket(String number, String owner) {
        return desk.assign(number, owner);
    }

    /** Records the written result; for a complaint, whether it was valid (counts in the complaint rate). */
    public Ticket recordResult(String number, String result, boolean validComplaint, String actor) {
        return desk.resolve(number, result, validComplaint, actor, now());
    }

    /** A follow-up (回访) attempt: reached or not, and when reached the shopper's satisfaction. */
    public Ticket followUp(String number, boolean reached, Boolean satisfied, String note, String actor) {
        return desk.followUp(number, reached, satisfied, note, actor, now());
    }

    public List<OverdueTicket> overdueTickets(Instant now) {
        return desk.overdue(now);
    }

    public List<OverdueTicket> overdueTickets() {
        return overdueTickets(now());
    }

    /** The month's measures (domain.md §6), months being the shop's zone's months. */
    public KpiReport kpis(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(rules.zone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(rules.zone()).toInstant();
        Instant previous = month.minusMonths(1).atDay(1).atStartOfDay(rules.zone()).toInstant();
        return KpiCalculator.compute(month, ports.tickets().openedBetween(from, to),
                ports.orders().countCustomers(from, to),
                KpiCalculator.validComplaints(ports.tickets().openedBetween(previous, from)));
    }

    private ReturnRequest startReturn(Order order, ReturnKind kind, String reason, String actor) {
        FieldErrors errors = new FieldErrors();
        if (kind == null) errors.add("kind", "is required: REFUND or EXCHANGE");
        String why = errors.optionalText("reason", reason, 1000);
        errors.throwIfAny();
        Instant now = now();
        ReturnEligibility e = returnPolicy.evaluate(order, now);
        if (e.verdict() == ReturnEligibility.Verdict.NOT_DELIVERED) {
            throw new ShopRuleException("not_delivered",
                    "order " + order.orderNo() + " is not delivered yet; cancel it or refuse the parcel instead");
        }
        boolean open = ports.returns().forOrder(order.shop(), order.orderNo()).stream().anyMatch(r -> !r.state().isFinal());
        if (open) throw new ShopRuleException("return_open", "order " + order.orderNo() + " already has an open return");
        boolean person = e.verdict() == ReturnEligibility.Verdict.PERSON_DECIDES;
        ReturnRequest r = new ReturnRequest(UUID.randomUUID().toString(), order.shop(), order.orderNo(), kind, why,
                person, person ? e.reason().name() : null,
                List.of(new ReturnStep(ReturnState.REQUESTED, actor, now, why)), 0);
        ports.returns().insert(r);
        log.info("return {} requested for {} ({}, person decides: {})", r.id(), order.orderNo(), kind, person);
        return r;
    }

    private OrderView view(Order o) {
        return new OrderView(o, ports.orders().shipments(o.shop(), o.orderNo()));
    }

    private Instant now() {
        // the database keeps microseconds: a value read back equals the one written
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
