package xiaoer.engine.bot;

import xiaoer.engine.chat.Visitor;
import xiaoer.engine.policy.OrderNumberExtractor;
import xiaoer.engine.shop.ShopService;
import xiaoer.engine.shop.identity.Identification;
import xiaoer.engine.shop.orders.Order;
import xiaoer.engine.shop.orders.OrderView;
import xiaoer.engine.shop.orders.ShipmentEvent;
import xiaoer.engine.shop.returns.ReturnEligibility;
import xiaoer.engine.shop.tickets.NewTicket;
import xiaoer.engine.shop.tickets.Ticket;
import xiaoer.engine.shop.tickets.TicketKind;
import xiaoer.engine.text.ServiceTexts;
import xiaoer.engine.text.ShopperLanguage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers from the shop's records: the parcel's latest event, dispatch of a paid order, a late parcel (with a
 * follow-up ticket to contact the courier), the 7-day return window. A shopper sees only orders they may see: a signed
 * buyer their own, anyone else after giving the order number and the phone's last four digits.
 */
public final class ShopRecordAnswers implements RecordAnswers {

    private static final Set<String> NEED_ORDER = Set.of("order.track", "logistics.delay", "order.paid_ship",
            "aftersales.return", "aftersales.exchange");

    private final ShopService shop;
    private final OrderNumberExtractor extractor;
    private final ServiceTexts texts;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration courierReportWithin;

    public ShopRecordAnswers(ShopService shop, OrderNumberExtractor extractor, ServiceTexts texts, Clock clock,
                             ZoneId zone, Duration courierReportWithin) {
        this.shop = shop;
        this.extractor = extractor;
        this.texts = texts;
        this.clock = clock;
        this.zone = zone;
        this.courierReportWithin = courierReportWithin;
    }

    @Override
    public Optional<RecordReply> answer(String scriptId, Visitor visitor, String conversationId,
                                        List<String> shopperTexts) {
        if (scriptId == null || !NEED_ORDER.contains(scriptId) || visitor == null) return Optional.empty();
        ServiceTexts say = texts.in(ShopperLanguage.of(shopperTexts));
        String orderNo = latest(shopperTexts, extractor::orderNumber);
        String tail = latest(shopperTexts, extractor::phoneTail);

        Optional<OrderView> order = Optional.empty();
        if (orderNo != null) {
            order = shop.findForVisitor(visitor, orderNo);
            if (order.isEmpty() && tail != null) {
                Identification id = shop.identify(visitor, orderNo, tail);
                switch (id.outcome()) {
                    case IDENTIFIED -> order = id.order();
                    case RATE_LIMITED -> { return Optional.of(RecordReply.answer(say.get("records.rate_limited"))); }
                    default -> { return Optional.of(RecordReply.ask(say.get("records.no_match"), scriptId)); }
                }
            } else if (order.isEmpty()) {
                return Optional.of(RecordReply.ask(say.get("records.need_tail"), scriptId));
            }
        } else if (visitor.verified()) {
            // a known buyer: their most recent order
            order = shop.ordersForVisitor(visitor).stream()
                    .max(Comparator.comparing(v -> v.order().placedAt(), Comparator.nullsFirst(Comparator.naturalOrder())));
        }
        if (order.isEmpty()) return Optional.of(RecordReply.ask(say.get("records.need_order"), scriptId));
        return Optional.of(reply(scriptId, order.get(), visitor, conversationId, say));
    }

    private RecordReply reply(String scriptId, OrderView view, Visitor visitor, String conversationId,
                              ServiceTexts say) {
        Order o = view.order();
        Map<String, Object> args = new HashMap<>();
        args.put("orderNo", o.orderNo());
        return switch (scriptId) {
            case "order.track" -> RecordReply.answer(trackText(view, args, say));
            case "order.paid_ship" -> RecordReply.answer(say.get(o.paidAt() == null ? "records.unpaid"
                    : o.shippedAt() == null ? "records.not_shipped" : "records.shipped", args));
            case "logistics.delay" -> delay(view, visitor, conversationId, args, say);
            default -> returnAnswer(o, args, say);
        };
    }

    private String trackText(OrderView view, Map<String, Object> args, ServiceTexts say) {
        Optional<ShipmentEvent> latest = view.latestShipment();
        if (latest.isEmpty()) {
            return say.get(view.order().paidAt() == null ? "records.unpaid" : "records.not_shipped", args);
        }
        ShipmentEvent e = latest.get();
        args.put("carrier", e.carrier());
        args.put("trackingNo", e.trackingNo());
        args.put("time", say.time(e.at().atZone(zone)));
        args.put("place", e.place() == null ? "" : e.place());
        args.put("description", e.description() == null ? "" : e.description());
        return say.get("records.track", args);
    }

    private RecordReply delay(OrderView view, Visitor visitor, String conversationId, Map<String, Object> args,
                              ServiceTexts say) {
        String track = trackText(view, args, say);
        Ticket ticket = shop.openTicket(new NewTicket(visitor.shop(), TicketKind.INQUIRY, null,
                "物流延误：联系快递核实并回复顾客", track, visitor.visitorId(),
                visitor.verified() ? visitor.visitorId() : null, conversationId, view.order().orderNo(), null, "bot",
                courierReportWithin));
        args.put("track", track);
        args.put("ticketNo", ticket.number());
        args.put("deadline", say.time(ticket.replyDueAt().atZone(zone)));
        return new RecordReply(say.get("records.delay", args), null, null, ticket.number());
    }

    private RecordReply returnAnswer(Order o, Map<String, Object> args, ServiceTexts say) {
        Instant now = clock.instant();
        ReturnEligibility e = shop.returnEligibility(o, now);
        switch (e.verdict()) {
            case NO_REASON_RETURN -> {
                args.put("windowEnd", say.time(e.windowEndsAt().atZone(zone)));
                return RecordReply.answer(say.get("records.return.ok", args));
            }
            case NOT_DELIVERED -> {
                return RecordReply.answer(say.get("records.return.not_delivered", args));
            }
            default -> {
                args.put("reason", say.get(e.reason() == ReturnEligibility.Reason.EXCLUDED_CATEGORY
                        ? "records.return.excluded" : "records.return.window_passed"));
                return new RecordReply(say.get("records.return.person", args), null, "return_review", null);
            }
        }
    }

    @Override
    public boolean fillsSlot(String text) {
        return extractor.orderNumber(text).isPresent() || extractor.phoneTail(text).isPresent();
    }

    @Override
    public boolean hasBought(Visitor visitor) {
        return visitor != null && shop.ordersForVisitor(visitor).stream()
                .anyMatch(v -> v.order().paidAt() != null);
    }

    @Override
    public String openComplaint(Visitor visitor, String conversationId, String text) {
        Ticket t = shop.openTicket(new NewTicket(visitor.shop(), TicketKind.COMPLAINT, null, "顾客投诉（聊天转人工）",
                text, visitor.visitorId(), visitor.verified() ? visitor.visitorId() : null, conversationId, null, null,
                "bot", null));
        return t.number();
    }

    /** The last value found in the shopper's messages, newest first: given once, remembered for the conversation. */
    private static String latest(List<String> texts, java.util.function.Function<String, Optional<String>> find) {
        for (int i = texts.size() - 1; i >= 0; i--) {
            Optional<String> v = find.apply(texts.get(i));
            if (v.isPresent()) return v.get();
        }
        return null;
    }
}
