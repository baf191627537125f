package xiaoer.app.shop;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.engine.shop.tickets.TicketNumberSequence;

import java.time.LocalDate;

/**
 * The day's ticket sequence in a table row: {@code update ... set last_seq = last_seq + 1} takes the row lock, so
 * concurrent callers on any number of nodes queue on it and each reads its own value before committing. The
 * transaction is its own (REQUIRES_NEW) and holds the lock for two statements only.
 */
public final class JdbcTicketNumberSequence implements TicketNumberSequence {

    private static final int ATTEMPTS = 5;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcTicketNumberSequence(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public int next(LocalDate day) {
        for (int attempt = 1; ; attempt++) {
            try {
                Integer seq = tx.execute(s -> increment(day));
                if (seq != null) return seq;
            } catch (ConcurrencyFailureException | DataIntegrityViolationException e) {
                // H2 may time out on the lock, or two nodes race to create the day's row: try again
                if (attempt >= ATTEMPTS) throw e;
            }
        }
    }

    private Integer increment(LocalDate day) {
        if (jdbc.update("update shop_ticket_days set last_seq = last_seq + 1 where ticket_day = ?", day) == 0) {
            jdbc.update("insert into shop_ticket_days (ticket_day, last_seq) values (?, 0) on conflict do nothing", day);
            jdbc.update("update shop_ticket_days set last_seq = last_seq + 1 where ticket_day = ?", day);
        }
        return jdbc.queryForObject("select last_seq from shop_ticket_days where ticket_day = ?", Integer.class, day);
    }
}
