package xiaoer.app.config;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import xiaoer.engine.testing.MovableClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled backup on a real H2 file database, and the metrics an operator alerts on. */
class BackupScheduleTests {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T02:00:00Z"));

    @Test
    void theScheduleBacksUpWhenDueAndReportsTheNewestBackupsAge() throws Exception {
        Path base = dir.resolve("data/xiaoer");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + base.toAbsolutePath());
        JdbcTemplate live = new JdbcTemplate(ds);
        live.execute("create table t (id int)");
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        BackupSchedule schedule = new BackupSchedule(live, clock, null, metrics, "jdbc:h2:file:" + base.toAbsolutePath(),
                Duration.ofHours(24), 7, dir.resolve("backups").toString());
        assertThat(metrics.get("xiaoer.backup.age").gauge().value()).as("no backup yet").isNaN();

        schedule.backUpIfDue();
        clock.advance(Duration.ofHours(3));

        try (var files = Files.list(dir.resolve("backups"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("xiaoer-20261125-020000.zip");
        }
        assertThat(metrics.get("xiaoer.backup.age").gauge().value()).isEqualTo(3 * 3600.0);
        assertThat(metrics.get("xiaoer.backup.failures").counter().count()).isZero();

        SimpleMeterRegistry postgres = new SimpleMeterRegistry();
        new BackupSchedule(live, clock, null, postgres, "jdbc:postgresql://127.0.0.1/test", Duration.ofHours(24), 7,
                dir.resolve("pg").toString()).backUpIfDue();
        assertThat(postgres.find("xiaoer.backup.age").gauge()).as("PostgreSQL: no backups here").isNull();
        assertThat(dir.resolve("pg")).doesNotExist();
        live.execute("shutdown");
    }
}
