package xiaoer.engine.shop.damage;

import java.util.List;
import java.util.Optional;

/** Damage reports with their sign-offs. */
public interface DamageReportRepository {

    void insert(DamageReport report);

    Optional<DamageReport> find(String id);

    /** Compare-and-set on {@code report.version()}: false when someone else changed it first. */
    boolean update(DamageReport report);

    List<DamageReport> forVisitor(String shop, String visitorId);
}
