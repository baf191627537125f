package xiaoer.engine.shop.kpi;

import xiaoer.engine.shop.tickets.Ticket;
import xiaoer.engine.shop.tickets.TicketKind;

import java.time.YearMonth;
import java.util.List;
import java.util.function.Predicate;

/**
 * The five measures of domain.md §6, computed over the tickets <b>opened</b> in the month (a cohort: their
 * follow-ups count whenever they happened up to now), exactly as the manual writes them:
 * <pre>
 * complaint_rate          complaints ÷ customers                                   target &lt; 1 %
 * complaint_response      complaints handled and followed up ÷ complaints          target 100 %
 * complaint_satisfaction  satisfied ÷ successfully followed-up complaints          target ≥ 90 %
 * request_follow_up_rate  followed-up requests ÷ requests                          target ≥ 80 %
 * request_satisfaction    satisfied ÷ successfully followed-up requests            target ≥ 90 %
 * </pre>
 * Readings where the manual is terse: "complaints" in the rate are the valid ones (a complaint judged not valid at
 * its result is left out of the rate but still must be handled, so it stays in the other complaint measures);
 * "customers" are distinct buyers with an order placed that month; "requests" are the 報修 and 咨詢 tickets (the
 * complaints have their own lines); "followed up" is a result plus at least one follow-up attempt, "successfully"
 * means the attempt reached the shopper; a shopper's satisfaction is their answer at the last successful follow-up.
 * The manual's complaint-rate target is per year; the monthly value is shown against the same 1 %.
 */
public final class KpiCalculator {

    public static final Target COMPLAINT_RATE_TARGET = Target.below(0.01);
    public static final Target COMPLAINT_RESPONSE_TARGET = Target.atLeast(1.0);
    public static final Target SATISFACTION_TARGET = Target.atLeast(0.9);
    public static final Target REQUEST_FOLLOW_UP_TARGET = Target.atLeast(0.8);

    private KpiCalculator() {
    }

    /**
     * @param opened             tickets opened in the month
     * @param customers          distinct buyers with an order placed in the month
     * @param previousComplaints valid complaints opened in the previous month
     */
    public static KpiReport compute(YearMonth month, List<Ticket> opened, long customers, long previousComplaints) {
        List<Ticket> complaints = opened.stream().filter(t -> t.kind() == TicketKind.COMPLAINT).toList();
        List<Ticket> requests = opened.stream().filter(t -> t.kind() != TicketKind.COMPLAINT).toList();
        long valid = count(complaints, Ticket::validComplaint);
        long complaintsReached = count(complaints, Ticket::successfullyFollowedUp);
        long requestsReached = count(requests, Ticket::successfullyFollowedUp);
        List<Kpi> kpis = List.of(
                Kpi.of("complaint_rate", "valid complaint rate", "complaints ÷ customers",
                        valid, customers, COMPLAINT_RATE_TARGET),
                Kpi.of("complaint_response", "complaint response in time",
                        "complaints handled and followed up ÷ complaints",
                        count(complaints, Ticket::followedUp), complaints.size(), COMPLAINT_RESPONSE_TARGET),
                Kpi.of("complaint_satisfaction", "complaint satisfaction",
                        "satisfied ÷ successfully followed-up complaints",
                        count(complaints, t -> t.successfullyFollowedUp() && t.satisfied()), complaintsReached,
                        SATISFACTION_TARGET),
                Kpi.of("request_follow_up_rate", "follow-up rate for requests", "followed-up requests ÷ requests",
                        count(requests, Ticket::followedUp), requests.size(), REQUEST_FOLLOW_UP_TARGET),
                Kpi.of("request_satisfaction", "request satisfaction",
                        "satisfied ÷ successfully followed-up requests",
                        count(requests, t -> t.successfullyFollowedUp() && t.satisfied()), requestsReached,
                        SATISFACTION_TARGET));
        return new KpiReport(month, kpis, valid, previousComplaints, valid > previousComplaints);
    }

    /** Valid complaints among tickets: the count the trend compares. */
    public static long validComplaints(List<Ticket> opened) {
        return count(opened, t -> t.kind() == TicketKind.COMPLAINT && t.validComplaint());
    }

    private static long count(List<Ticket> tickets, Predicate<Ticket> p) {
        return tickets.stream().filter(p).count();
    }
}
