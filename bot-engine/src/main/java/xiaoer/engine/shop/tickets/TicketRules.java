package xiaoer.engine.shop.tickets;

import java.time.Duration;
import java.util.Map;

/**
 * Ticket deadlines (domain.md §5, seeds 001 and 003).
 *
 * @param replyWithin          a written reply/result is due this long after opening (default 72 h)
 * @param complaintFollowUp    a complaint's follow-up is due this long after its result (default 3 days)
 * @param repairFollowUpByKind a repair's follow-up by repair kind, after its result (defaults: minor 2 days,
 *                             standard 4 days, major 7 days — the manual's "2–7 days by kind")
 * @param repairFollowUpOther  for a repair of no or unknown kind (default 7 days, the manual's upper bound)
 * @param inquiryFollowUp      an inquiry's follow-up after its result (default 7 days; the manuals set no number)
 */
public record TicketRules(Duration replyWithin, Duration complaintFollowUp, Map<String, Duration> repairFollowUpByKind,
                          Duration repairFollowUpOther, Duration inquiryFollowUp) {

    public TicketRules {
        repairFollowUpByKind = Map.copyOf(repairFollowUpByKind);
    }

    public static TicketRules defaults() {
        return new TicketRules(Duration.ofHours(72), Duration.ofDays(3),
                Map.of("minor", Duration.ofDays(2), "standard", Duration.ofDays(4), "major", Duration.ofDays(7)),
                Duration.ofDays(7), Duration.ofDays(7));
    }

    /** How long after the result the follow-up is due. */
    public Duration followUpWithin(TicketKind kind, String repairKind) {
        return switch (kind) {
            case COMPLAINT -> complaintFollowUp;
            case INQUIRY -> inquiryFollowUp;
            case REPAIR -> repairKind == null ? repairFollowUpOther
                    : repairFollowUpByKind.getOrDefault(repairKind, repairFollowUpOther);
        };
    }
}
