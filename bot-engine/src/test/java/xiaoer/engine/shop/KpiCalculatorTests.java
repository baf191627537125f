package xiaoer.engine.shop;

import org.junit.jupiter.api.Test;
import xiaoer.engine.shop.kpi.KpiCalculator;
import xiaoer.engine.shop.kpi.KpiReport;
import xiaoer.engine.shop.tickets.Ticket;
import xiaoer.engine.shop.tickets.TicketKind;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static xiaoer.engine.shop.ShopFixtures.handled;
import static xiaoer.engine.shop.ShopFixtures.notReached;
import static xiaoer.engine.shop.ShopFixtures.opened;
import static xiaoer.engine.shop.ShopFixtures.reached;

/** The §6 formulas on a data set small enough to count by hand. */
class KpiCalculatorTests {

    private static final Instant T = Instant.parse("2026-11-10T02:00:00Z");
    private static final Instant F = T.plusSeconds(86_400);

    private static List<Ticket> month() {
        List<Ticket> t = new ArrayList<>();
        // complaints: 4 in all, 3 valid; 3 handled and followed up (one not reached); 2 reached, 1 satisfied
        t.add(handled("c1", TicketKind.COMPLAINT, T, true, reached(true, F)));
        t.add(handled("c2", TicketKind.COMPLAINT, T, true, reached(false, F)));
        t.add(handled("c3", TicketKind.COMPLAINT, T, false, notReached(F)));
        t.add(opened("c4", TicketKind.COMPLAINT, null, T));
        // requests: 5 (3 repairs, 2 inquiries); 4 followed up; 3 reached; 3 satisfied (one after a missed call)
        t.add(handled("r1", TicketKind.REPAIR, T, true, reached(true, F)));
        t.add(handled("r2", TicketKind.REPAIR, T, true, notReached(F), reached(true, F.plusSeconds(60))));
        t.add(handled("r3", TicketKind.REPAIR, T, true, notReached(F)));
        t.add(handled("i1", TicketKind.INQUIRY, T, true, reached(true, F)));
        t.add(opened("i2", TicketKind.INQUIRY, null, T));
        return t;
    }

    @Test
    void formulasAreTheManualsOnAKnownDataSet() {
        KpiReport r = KpiCalculator.compute(YearMonth.of(2026, 11), month(), 200, 1);
        assertRatio(r, "complaint_rate", 3, 200, 0.015, false);
        assertRatio(r, "complaint_response", 3, 4, 0.75, false);
        assertRatio(r, "complaint_satisfaction", 1, 2, 0.5, false);
        assertRatio(r, "request_follow_up_rate", 4, 5, 0.8, true);
        assertRatio(r, "request_satisfaction", 3, 3, 1.0, true);
    }

    @Test
    void moreComplaintsThanLastMonthRaiseTheTrendWarning() {
        assertThat(KpiCalculator.compute(YearMonth.of(2026, 11), month(), 200, 2).trendWarning()).isTrue();
        assertThat(KpiCalculator.compute(YearMonth.of(2026, 11), month(), 200, 3).trendWarning()).isFalse();
    }

    @Test
    void anEmptyMonthHasNoValuesRatherThanZeroOrNaN() {
        KpiReport r = KpiCalculator.compute(YearMonth.of(2026, 11), List.of(), 0, 0);
        assertThat(r.kpis()).allSatisfy(k -> {
            assertThat(k.value()).isNull();
            assertThat(k.met()).isNull();
        });
        assertThat(r.trendWarning()).isFalse();
    }

    private static void assertRatio(KpiReport r, String id, long num, long den, double value, boolean met) {
        var k = r.kpi(id);
        assertThat(k.numerator()).as(id + " numerator").isEqualTo(num);
        assertThat(k.denominator()).as(id + " denominator").isEqualTo(den);
        assertThat(k.value()).as(id + " value").isCloseTo(value, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(k.met()).as(id + " met").isEqualTo(met);
    }
}
