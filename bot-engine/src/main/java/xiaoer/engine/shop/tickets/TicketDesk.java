package xiaoer.engine.shop.tickets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import xiaoer.engine.shop.ConcurrentUpdateException;
import xiaoer.engine.shop.FieldErrors;
import xiaoer.engine.shop.RecordNotFoundException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Opens, assigns, resolves and follows up tickets; the rules sit on {@link Ticket}, storage behind the ports. */
public final class TicketDesk {

    private static final Logger log = LoggerFactory.getLogger(TicketDesk.class);

    private final TicketRepository tickets;
    private final TicketNumberSequence numbers;
    private final TicketRules rules;
    private final ZoneId zone;

    public TicketDesk(TicketRepository tickets, TicketNumberSequence numbers, TicketRules rules, ZoneId zone) {
        this.tickets = tickets;
        this.numbers = numbers;
        this.rules = rules;
        this.zone = zone;
    }

    /** @throws xiaoer.engine.shop.InvalidInputException when kind, subject or openedBy is missing or too long */
    public Ticket open(NewTicket t, Instant now) {
        FieldErrors errors = new FieldErrors();
        if (t.kind() == null) errors.add("kind", "is required: REPAIR, COMPLAINT or INQUIRY");
        String subject = errors.requiredText("subject", t.subject(), 200);
        String description = errors.optionalText("description", t.description(), 4000);
        String openedBy = errors.requiredText("openedBy", t.openedBy(), 64);
        String repairKind = t.kind() == TicketKind.REPAIR ? errors.optionalText("repairKind", t.repairKind(), 32) : null;
        if (t.replyWithin() != null && (t.replyWithin().isNegative() || t.replyWithin().isZero())) {
            errors.add("replyWithin", "must be positive");
        }
        errors.throwIfAny();
        String number = TicketNumber.format(LocalDate.ofInstant(now, zone), numbers.next(LocalDate.ofInstant(now, zone)));
        Duration replyWithin = t.replyWithin() != null ? t.replyWithin() : rules.replyWithin();
        Ticket ticket = new Ticket(number, t.shop(), t.kind(), repairKind, subject, description, t.visitorId(),
                t.buyerId(), t.conversationId(), t.orderNo(), blankToNull(t.owner()), TicketStatus.OPEN, openedBy,
                now, now.plus(replyWithin), null, null, null, true, null, List.of(), 0);
        tickets.insert(ticket);
        log.info("ticket {} opened: {} by {}", number, t.kind(), openedBy);
        return ticket;
    }

    public Ticket assign(String number, String owner) {
        FieldErrors errors = new FieldErrors();
        String o = errors.requiredText("owner", owner, 64);
        errors.throwIfAny();
        return change(number, t -> t.assign(o));
    }

    public Ticket resolve(String number, String result, boolean validComplaint, String by, Instant now) {
        FieldErrors errors = new FieldErrors();
        String text = errors.requiredText("result", result, 4000);
        errors.throwIfAny();
        return change(number, t -> t.resolve(text, validComplaint, by, now, rules));
    }

    public Ticket followUp(String number, boolean reached, Boolean satisfied, String note, String by, Instant now) {
        FieldErrors errors = new FieldErrors();
        if (reached && satisfied == null) errors.add("satisfied", "is required when the shopper was reached");
        String n = errors.optionalText("note", note, 2000);
        errors.throwIfAny();
        return change(number, t -> t.followUp(new FollowUp(now, by, reached, reached ? satisfied : null, n)));
    }

    public Optional<Ticket> find(String number) {
        return tickets.find(number);
    }

    /** Every ticket past a deadline at {@code now}, the longest overdue first. */
    public List<OverdueTicket> overdue(Instant now) {
        return tickets.unfinished().stream().flatMap(t -> t.overdue(now).stream())
                .sorted(Comparator.comparing(OverdueTicket::late).reversed()).toList();
    }

    private Ticket change(String number, UnaryOperator<Ticket> f) {
        Ticket current = tickets.find(number).orElseThrow(() -> new RecordNotFoundException("ticket", number));
        if (!tickets.update(f.apply(current))) throw new ConcurrentUpdateException("ticket", number);
        return tickets.find(number).orElseThrow();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
