package xiaoer.engine.routing;

import java.util.List;
import java.util.Optional;

/**
 * What the lead should know about the seats now (the periodic check).
 *
 * @param overdueAways away breaks past the limit
 * @param staffing     a warning when too few ordinary seats are on duty
 * @param deputyId     the acting deputy while the lead is away, or null
 */
public record SeatReport(List<OverdueAway> overdueAways, Optional<StaffingWarning> staffing, String deputyId) {

    public boolean allWell() {
        return overdueAways.isEmpty() && staffing.isEmpty();
    }
}
