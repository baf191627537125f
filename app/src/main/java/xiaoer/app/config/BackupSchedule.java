package xiaoer.app.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import xiaoer.app.storage.EmbeddedBackups;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Backs up the embedded database on its own (see {@link EmbeddedBackups}): looked at every
 * {@code xiaoer.backup.check}, written when the newest backup is older than {@code xiaoer.backup.interval}. Nothing
 * happens on PostgreSQL (cluster mode), whose own tools back it up, nor with the interval at 0.
 */
@Component
public class BackupSchedule {

    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

    /** Null when the database is not the embedded H2 file. */
    private final EmbeddedBackups backups;
    private final Counter failures;

    public BackupSchedule(JdbcTemplate jdbc, Clock clock, XiaoerProperties properties, MeterRegistry metrics,
                          @Value("${spring.datasource.url:}") String jdbcUrl,
                          @Value("${xiaoer.backup.interval:24h}") Duration interval,
                          @Value("${xiaoer.backup.keep:7}") int keep,
                          @Value("${xiaoer.backup.dir:}") String dir) {
        Path where = dir.isBlank() ? Path.of(properties.dataDir(), "backups") : Path.of(dir);
        EmbeddedBackups made = new EmbeddedBackups(jdbc, where, interval, keep, clock); // checks the settings always
        this.backups = EmbeddedBackups.isEmbeddedFile(jdbcUrl) && !interval.isZero() ? made : null;
        this.failures = Counter.builder("xiaoer.backup.failures").description("Embedded database backups that failed")
                .register(metrics);
        if (backups != null) {
            log.info("embedded database backups: every {} into {}, the newest {} kept", interval, where, keep);
            // for an alert when backups stop: the newest one's age (NaN while there is none)
            Gauge.builder("xiaoer.backup.age", backups, b -> b.newest()
                            .map(at -> (double) Duration.between(at, clock.instant()).toSeconds()).orElse(Double.NaN))
                    .baseUnit("seconds").description("Age of the newest embedded database backup")
                    .register(metrics);
        }
    }

    @Scheduled(fixedDelayString = "${xiaoer.backup.check:10m}", initialDelayString = "${xiaoer.backup.check:10m}")
    void backUpIfDue() {
        if (backups == null) return;
        try {
            backups.backupIfDue();
        } catch (RuntimeException e) {
            failures.increment();
            log.error("embedded database backup failed (tried again at the next check): {}", e.toString());
        }
    }
}
