package xiaoer.app.config;

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

    public BackupSchedule(JdbcTemplate jdbc, Clock clock, XiaoerProperties properties,
                          @Value("${spring.datasource.url:}") String jdbcUrl,
                          @Value("${xiaoer.backup.interval:24h}") Duration interval,
                          @Value("${xiaoer.backup.keep:7}") int keep,
                          @Value("${xiaoer.backup.dir:}") String dir) {
        Path where = dir.isBlank() ? Path.of(properties.dataDir(), "backups") : Path.of(dir);
        EmbeddedBackups made = new EmbeddedBackups(jdbc, where, interval, keep, clock); // checks the settings always
        this.backups = EmbeddedBackups.isEmbeddedFile(jdbcUrl) && !interval.isZero() ? made : null;
        if (backups != null) log.info("embedded database backups: every {} into {}, the newest {} kept", interval, where, keep);
    }

    @Scheduled(fixedDelayString = "${xiaoer.backup.check:10m}", initialDelayString = "${xiaoer.backup.check:10m}")
    void backUpIfDue() {
        if (backups == null) return;
        try {
            backups.backupIfDue();
        } catch (RuntimeException e) {
            log.error("embedded database backup failed (tried again at the next check): {}", e.toString());
        }
    }
}
