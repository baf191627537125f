package xiaoer.engine.shop;

import org.junit.jupiter.api.Test;
import xiaoer.engine.shop.tickets.OverdueTicket;
import xiaoer.engine.shop.tickets.Ticket;
import xiaoer.engine.shop.tickets.TicketKind;
import xiaoer.engine.shop.tickets.TicketNumber;
import xiaoer.engine.shop.tickets.TicketRules;
import xiaoer.engine.shop.tickets.TicketStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketDeadlineTests {

    private static final Instant OPENED = Instant.parse("2026-11-02T01:00:00Z");
    private final TicketRules rules = TicketRules.defaults();

    @Test
    void numberIsDatePlusThreeDigitSequence() {
        assertThat(TicketNumber.format(LocalDate.of(2024, 2, 14), 1)).isEqualTo("20240214001");
        assertThat(TicketNumber.format(LocalDate.of(2024, 2, 14), 1000)).isEqualTo("202402141000");
    }

    @Test
    void writtenReplyIsOverdueOnlyAfterSeventyTwoHours() {
        Ticket t = ShopFixtures.opened("20261102001", TicketKind.INQUIRY, null, OPENED);
        assertThat(t.overdue(OPENED.plus(Duration.ofHours(72)))).isEmpty();
        OverdueTicket o = t.overdue(OPENED.plus(Duration.ofHours(72)).plusSeconds(1)).orElseThrow();
        assertThat(o.what()).isEqualTo(OverdueTicket.What.REPLY);
        assertThat(o.late()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void complaintFollowUpIsDueThreeDaysAfterTheResult() {
        Instant resolved = OPENED.plus(Duration.ofHours(5));
        Ticket t = ShopFixtures.opened("20261102002", TicketKind.COMPLAINT, null, OPENED)
                .resolve("refunded shipping", true, "agent1", resolved, rules);
        assertThat(t.followUpDueAt()).isEqualTo(resolved.plus(Duration.ofDays(3)));
        assertThat(t.overdue(resolved.plus(Duration.ofDays(3)))).isEmpty();
        assertThat(t.overdue(resolved.plus(Duration.ofDays(3)).plusSeconds(1)).orElseThrow().what())
                .isEqualTo(OverdueTicket.What.FOLLOW_UP);
    }

    @Test
    void repairFollowUpDependsOnTheRepairKind() {
        assertThat(resolvedRepair("minor").followUpDueAt()).isEqualTo(OPENED.plus(Duration.ofDays(2)));
        assertThat(resolvedRepair("major").followUpDueAt()).isEqualTo(OPENED.plus(Duration.ofDays(7)));
        assertThat(resolvedRepair("unknown-kind").followUpDueAt()).isEqualTo(OPENED.plus(Duration.ofDays(7)));
    }

    @Test
    void aFollowUpThatReachesTheShopperClosesTheTicketAndAMissedOneDoesNot() {
        Ticket t = resolvedRepair("minor").followUp(ShopFixtures.notReached(OPENED.plusSeconds(10)));
        assertThat(t.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(t.overdue(OPENED.plus(Duration.ofDays(3)))).isPresent();
        Ticket closed = t.followUp(ShopFixtures.reached(true, OPENED.plusSeconds(20)));
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.overdue(OPENED.plus(Duration.ofDays(30)))).isEmpty();
    }

    @Test
    void noFollowUpBeforeAResult() {
        Ticket t = ShopFixtures.opened("20261102003", TicketKind.COMPLAINT, null, OPENED);
        assertThatThrownBy(() -> t.followUp(ShopFixtures.reached(true, OPENED)))
                .isInstanceOf(ShopRuleException.class).hasMessageContaining("record the result first");
    }

    private Ticket resolvedRepair(String kind) {
        return ShopFixtures.opened("20261102009", TicketKind.REPAIR, kind, OPENED)
                .resolve("fixed", true, "agent1", OPENED, rules);
    }
}
