package xiaoer.engine.shop.kpi;

import java.time.YearMonth;
import java.util.List;

/**
 * A month's measures.
 *
 * @param complaints         valid complaints opened this month
 * @param previousComplaints the same count for the month before
 * @param trendWarning       true when complaints rose over the previous month (the supervisor's warning)
 */
public record KpiReport(YearMonth month, List<Kpi> kpis, long complaints, long previousComplaints,
                        boolean trendWarning) {

    public KpiReport {
        kpis = List.copyOf(kpis);
    }

    public Kpi kpi(String id) {
        return kpis.stream().filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no KPI " + id));
    }
}
