package xiaoer.app.storage;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import xiaoer.engine.testing.MovableClock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backups of a real H2 file database taken while it is open and being written: the zip restores to a database with
 * every committed row; one is written only when due; the newest {@code keep} stay.
 */
class EmbeddedBackupsTests {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T02:00:00Z"));

    private static JdbcTemplate open(Path base) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + base.toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        return new JdbcTemplate(ds);
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path out = into.resolve(e.getName()).normalize();
                assertThat(out.startsWith(into)).isTrue();
                Files.copy((InputStream) in, out);
            }
        }
    }

    @Test
    void aBackupTakenWhileTheDatabaseIsOpenRestoresEveryCommittedRow() throws IOException {
        JdbcTemplate live = open(dir.resolve("data/xiaoer"));
        live.execute("create table messages (id int primary key, text varchar(100))");
        for (int i = 0; i < 500; i++) live.update("insert into messages values (?, ?)", i, "您好 " + i);
        EmbeddedBackups backups = new EmbeddedBackups(live, dir.resolve("data/backups"), Duration.ofHours(24), 7, clock);

        Path zip = backups.backup();
        live.update("insert into messages values (?, ?)", 500, "after the backup");

        assertThat(zip.getFileName().toString()).isEqualTo("xiaoer-20261125-020000.zip");
        assertThat(backups.backups()).containsExactly(zip);
        assertThat(Files.list(zip.getParent()).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        unzip(zip, dir.resolve("restored"));
        assertThat(dir.resolve("restored/xiaoer.mv.db")).exists();
        JdbcTemplate restored = open(dir.resolve("restored/xiaoer"));
        assertThat(restored.queryForObject("select count(*) from messages", Integer.class)).isEqualTo(500);
        assertThat(restored.queryForObject("select text from messages where id = 499", String.class)).isEqualTo("您好 499");
        restored.execute("shutdown");
        live.execute("shutdown");
    }

    @Test
    void oneIsWrittenWhenDueAndTheNewestAreKept() {
        JdbcTemplate live = open(dir.resolve("data/xiaoer"));
        live.execute("create table t (id int)");
        EmbeddedBackups backups = new EmbeddedBackups(live, dir.resolve("backups"), Duration.ofHours(24), 2, clock);

        assertThat(backups.backupIfDue()).as("none yet").isPresent();
        clock.advance(Duration.ofHours(23));
        assertThat(backups.backupIfDue()).as("the newest is 23 h old").isEmpty();
        clock.advance(Duration.ofHours(1));
        assertThat(backups.backupIfDue()).isPresent();
        clock.advance(Duration.ofHours(24));
        Path newest = backups.backupIfDue().orElseThrow();

        assertThat(backups.backups()).hasSize(2).first().isEqualTo(newest);
        assertThat(backups.backups()).extracting(p -> p.getFileName().toString())
                .containsExactly("xiaoer-20261127-020000.zip", "xiaoer-20261126-020000.zip");
        assertThat(new EmbeddedBackups(live, dir.resolve("backups"), Duration.ZERO, 2, clock).backupIfDue())
                .as("interval 0: off").isEmpty();
        live.execute("shutdown");
    }

    @Test
    void badSettingsAreRefusedAndOnlyAnH2FileIsBackedUp() {
        JdbcTemplate none = new JdbcTemplate();
        assertThatThrownBy(() -> new EmbeddedBackups(none, dir, Duration.ofHours(-1), 7, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval");
        assertThatThrownBy(() -> new EmbeddedBackups(none, dir, Duration.ofHours(24), 0, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keep");
        assertThat(EmbeddedBackups.isEmbeddedFile("jdbc:h2:file:./data/xiaoer;MODE=PostgreSQL")).isTrue();
        assertThat(EmbeddedBackups.isEmbeddedFile("jdbc:h2:mem:test")).isFalse();
        assertThat(EmbeddedBackups.isEmbeddedFile("jdbc:postgresql://127.0.0.1:5432/test")).isFalse();
    }
}
