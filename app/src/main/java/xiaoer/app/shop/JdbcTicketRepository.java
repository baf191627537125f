package xiaoer.app.shop;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.engine.shop.tickets.FollowUp;
import xiaoer.engine.shop.tickets.Ticket;
import xiaoer.engine.shop.tickets.TicketKind;
import xiaoer.engine.shop.tickets.TicketRepository;
import xiaoer.engine.shop.tickets.TicketStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static xiaoer.app.shop.JdbcTimes.instant;
import static xiaoer.app.shop.JdbcTimes.nullableBoolean;
import static xiaoer.app.shop.JdbcTimes.ts;

/** Tickets and their follow-ups in SQL; updates are compare-and-set on {@code version}. */
public final class JdbcTicketRepository implements TicketRepository {

    private static final String COLUMNS = "number, shop, kind, repair_kind, subject, description, visitor_id, "
            + "buyer_id, conversation_id, order_no, owner, status, opened_by, opened_at, reply_due_at, result, "
            + "resolved_by, resolved_at, valid_complaint, follow_up_due_at, version";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcTicketRepository(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void insert(Ticket t) {
        tx.executeWithoutResult(s -> {
            jdbc.update("insert into shop_tickets (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    t.number(), t.shop(), t.kind().name(), t.repairKind(), t.subject(), t.description(), t.visitorId(),
                    t.buyerId(), t.conversationId(), t.orderNo(), t.owner(), t.status().name(), t.openedBy(),
                    ts(t.openedAt()), ts(t.replyDueAt()), t.result(), t.resolvedBy(), ts(t.resolvedAt()),
                    t.validComplaint(), ts(t.followUpDueAt()), 0);
            insertFollowUps(t, 0);
        });
    }

    @Override
    public Optional<Ticket> find(String number) {
        return select("where number = ?", number).stream().findFirst();
    }

    @Override
    public boolean update(Ticket t) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            int n = jdbc.update("update shop_tickets set owner = ?, status = ?, result = ?, resolved_by = ?, "
                            + "resolved_at = ?, valid_complaint = ?, follow_up_due_at = ?, version = version + 1 "
                            + "where number = ? and version = ?",
                    t.owner(), t.status().name(), t.result(), t.resolvedBy(), ts(t.resolvedAt()), t.validComplaint(),
                    ts(t.followUpDueAt()), t.number(), t.version());
            if (n == 0) return false;
            Integer stored = jdbc.queryForObject("select count(*) from shop_ticket_follow_ups where ticket_no = ?",
                    Integer.class, t.number());
            insertFollowUps(t, stored == null ? 0 : stored);
            return true;
        }));
    }

    @Override
    public List<Ticket> openedBetween(Instant from, Instant to) {
        return select("where opened_at >= ? and opened_at < ? order by opened_at, number", ts(from), ts(to));
    }

    @Override
    public List<Ticket> unfinished() {
        return select("where status <> 'CLOSED' order by opened_at, number");
    }

    @Override
    public List<Ticket> forCustomer(String shop, String visitorId, String buyerId) {
        return select("where shop = ? and (visitor_id = ? or buyer_id = ?) order by opened_at desc, number desc",
                shop, visitorId, buyerId);
    }

    private void insertFollowUps(Ticket t, int from) {
        List<FollowUp> f = t.followUps();
        for (int i = from; i < f.size(); i++) {
            FollowUp u = f.get(i);
            jdbc.update("insert into shop_ticket_follow_ups (ticket_no, idx, at, by_user, reached, satisfied, note) "
                    + "values (?,?,?,?,?,?,?)", t.number(), i, ts(u.at()), u.by(), u.reached(), u.satisfied(), u.note());
        }
    }

    private List<Ticket> select(String where, Object... args) {
        List<Ticket> rows = jdbc.query("select " + COLUMNS + " from shop_tickets " + where, ticketMapper, args);
        return rows.stream().map(this::withFollowUps).toList();
    }

    private Ticket withFollowUps(Ticket t) {
        List<FollowUp> f = jdbc.query("select at, by_user, reached, satisfied, note from shop_ticket_follow_ups "
                        + "where ticket_no = ? order by idx",
                (rs, n) -> new FollowUp(instant(rs, "at"), rs.getString("by_user"), rs.getBoolean("reached"),
                        nullableBoolean(rs, "satisfied"), rs.getString("note")), t.number());
        return new Ticket(t.number(), t.shop(), t.kind(), t.repairKind(), t.subject(), t.description(), t.visitorId(),
                t.buyerId(), t.conversationId(), t.orderNo(), t.owner(), t.status(), t.openedBy(), t.openedAt(),
                t.replyDueAt(), t.result(), t.resolvedBy(), t.resolvedAt(), t.validComplaint(), t.followUpDueAt(), f,
                t.version());
    }

    private final RowMapper<Ticket> ticketMapper = (rs, n) -> new Ticket(rs.getString("number"), rs.getString("shop"),
            TicketKind.valueOf(rs.getString("kind")), rs.getString("repair_kind"), rs.getString("subject"),
            rs.getString("description"), rs.getString("visitor_id"), rs.getString("buyer_id"),
            rs.getString("conversation_id"), rs.getString("order_no"), rs.getString("owner"),
            TicketStatus.valueOf(rs.getString("status")), rs.getString("opened_by"), instant(rs, "opened_at"),
            instant(rs, "reply_due_at"), rs.getString("result"), rs.getString("resolved_by"),
            instant(rs, "resolved_at"), rs.getBoolean("valid_complaint"), instant(rs, "follow_up_due_at"), List.of(),
            rs.getInt("version"));
}
