package xiaoer.app.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Backups of the embedded database (the H2 file under {@code xiaoer.data-dir}) while the product runs: a
 * {@code CHECKPOINT} (everything committed, so everything acked, goes into the file) then H2's {@code BACKUP TO}, a
 * transactionally consistent zip of the database file. One is written when the newest is older than the interval,
 * and the newest {@code keep} are kept. Named {@code xiaoer-<UTC time>.zip}, written under a temporary name first so a
 * half-written zip never looks like a backup. Restoring: stop the product, put the zip's {@code xiaoer.mv.db} in the
 * data directory, delete {@code xiaoer.events.journal} there (its rows are newer than the backup), start.
 */
public final class EmbeddedBackups {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBackups.class);
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final String PREFIX = "xiaoer-";
    private static final String SUFFIX = ".zip";
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("xiaoer-\\d{8}-\\d{6}\\.zip");

    private final JdbcTemplate jdbc;
    private final Path dir;
    private final Duration interval;
    private final int keep;
    private final Clock clock;

    public EmbeddedBackups(JdbcTemplate jdbc, Path dir, Duration interval, int keep, Clock clock) {
        if (interval.isNegative()) throw new IllegalArgumentException("xiaoer.backup.interval must not be negative");
        if (keep < 1) throw new IllegalArgumentException("xiaoer.backup.keep must be at least 1, was " + keep);
        this.jdbc = jdbc;
        this.dir = dir;
        this.interval = interval;
        this.keep = keep;
        this.clock = clock;
    }

    /** Writes a backup when backups are on and the newest is older than the interval (or there is none). */
    public Optional<Path> backupIfDue() {
        if (interval.isZero()) return Optional.empty();
        Optional<Instant> newest = newest();
        if (newest.isPresent() && newest.get().plus(interval).isAfter(clock.instant())) return Optional.empty();
        return Optional.of(backup());
    }

    /** Writes a backup now and drops the ones beyond {@code keep}; returns the new zip. */
    public Path backup() {
        long started = System.nanoTime();
        Path target = dir.resolve(PREFIX + NAME_TIME.format(clock.instant()) + SUFFIX);
        Path partial = dir.resolve(target.getFileName() + ".part");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(partial);
            log.info("backup of the embedded database to {} started", target);
            jdbc.execute("CHECKPOINT");
            jdbc.update("BACKUP TO ?", partial.toAbsolutePath().toString());
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.info("backup {} written: {} KB in {} ms", target, Files.size(target) / 1024,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("backup to " + target + " failed", e);
        }
        prune();
        return target;
    }

    /** When the newest backup was taken; empty when there is none. */
    public Optional<Instant> newest() {
        return backups().stream().findFirst().map(EmbeddedBackups::takenAt);
    }

    /** The backups in the directory, newest first. */
    public List<Path> backups() {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void prune() {
        List<Path> all = backups();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old);
                log.info("backup {} removed (keeping the newest {})", old, keep);
            } catch (IOException e) {
                log.warn("could not remove old backup {}: {}", old, e.toString());
            }
        }
    }

    /** When a backup was taken, from its name (the file's own times change when it is copied). */
    private static Instant takenAt(Path f) {
        String name = f.getFileName().toString();
        String time = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
        return LocalDateTime.parse(time, NAME_TIME).toInstant(ZoneOffset.UTC);
    }

    /** Whether {@code jdbcUrl} is an H2 database in a file, the embedded default (the only kind backed up here). */
    public static boolean isEmbeddedFile(String jdbcUrl) {
        return JdbcConversationStore.journalBeside(jdbcUrl) != null;
    }
}
