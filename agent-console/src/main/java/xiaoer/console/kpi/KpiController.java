package xiaoer.console.kpi;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import xiaoer.engine.shop.ShopService;
import xiaoer.engine.shop.kpi.KpiReport;
import xiaoer.engine.shop.tickets.OverdueTicket;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lead's KPI page data (domain.md §6): each month's measures with the manuals' formula, value, target and
 * pass/fail, oldest month first, the complaint-trend warning, and the overdue tickets. Under {@code /api/lead/**}:
 * LEAD and ADMIN only.
 */
@RestController
@RequestMapping("/api/lead")
public class KpiController {

    private final ObjectProvider<ShopService> shop;

    public KpiController(ObjectProvider<ShopService> shop) {
        this.shop = shop;
    }

    /**
     * @param months how many months up to {@code to} (1–24, default 12)
     * @param complaintsRising the latest month's complaints rose over the month before (the supervisor's warning)
     */
    public record KpiPage(YearMonth to, List<KpiReport> months, boolean complaintsRising, List<OverdueTicket> overdue) {
    }

    @GetMapping("/kpis")
    public ResponseEntity<?> kpis(@RequestParam(defaultValue = "12") int months,
                                  @RequestParam(required = false) String to) {
        ShopService s = shop.getIfAvailable();
        if (s == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found", "message", "no shop records"));
        }
        if (months < 1 || months > 24) {
            return ResponseEntity.badRequest().body(Map.of("error", "invalid", "fields", Map.of("months", "must be 1 to 24")));
        }
        YearMonth last;
        try {
            last = to == null || to.isBlank() ? YearMonth.now(s.rules().zone()) : YearMonth.parse(to);
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "invalid", "fields", Map.of("to", "must be yyyy-MM")));
        }
        List<KpiReport> reports = new ArrayList<>();
        for (int i = months - 1; i >= 0; i--) reports.add(s.kpis(last.minusMonths(i)));
        boolean rising = reports.get(reports.size() - 1).trendWarning();
        return ResponseEntity.ok(new KpiPage(last, reports, rising, s.overdueTickets()));
    }
}
