package xiaoer.app.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only file of the chat events the embedded (H2) store committed but has not yet written to its database
 * file. The store appends each group commit's rows here and syncs the file before anyone is answered, so an acked
 * message survives a crash; H2 then writes its pages on its own delay, many commits at a time, instead of rewriting
 * every touched B-tree page at every commit. After a {@code CHECKPOINT} everything in the journal is in the database
 * file and the journal starts empty again; at start-up whatever it still holds is put back ({@link #read}).
 *
 * <p>One line per event: a JSON array of the row's columns in {@link JdbcConversationStore}'s insert order. A line
 * cut short by a crash does not parse and ends the reading: it was never synced, so nobody was answered for it.
 * Only the store's writer thread calls the writing methods.
 */
final class EventJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventJournal.class);
    /** Columns of a row, in the insert's order; see {@link JdbcConversationStore}. */
    static final int COLUMNS = 12;
    private static final int AT = 6;

    private final Path file;
    private final ObjectMapper json;
    private final FileChannel channel;
    private long size;

    EventJournal(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            // one writer per journal: a second process on the same data directory would interleave its rows
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("the event journal " + file + " is in use by another xiaoer (one "
                        + "process per data directory; cluster mode uses PostgreSQL)");
            }
            this.size = channel.size();
            channel.position(size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event journal " + file, e);
        }
    }

    Path file() {
        return file;
    }

    /** Bytes written since the journal was last emptied. */
    long size() {
        return size;
    }

    /** Appends the rows and syncs them to the disk; on return they survive a crash. */
    void append(List<Object[]> rows) throws IOException {
        if (rows.isEmpty()) return;
        StringBuilder lines = new StringBuilder(rows.size() * 160);
        for (Object[] row : rows) lines.append(line(json, row)).append('\n');
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(lines.toString());
        int length = bytes.remaining();
        while (bytes.hasRemaining()) channel.write(bytes);
        channel.force(false);
        size += length;
    }

    /** Empties the journal: call only once everything in it is in the database file. */
    void clear() throws IOException {
        channel.truncate(0);
        channel.position(0);
        channel.force(true);
        size = 0;
    }

    /** The rows in the journal, in the order they were written, up to the first line that does not parse. */
    List<Object[]> read() throws IOException {
        List<Object[]> rows = new ArrayList<>();
        if (!Files.exists(file)) return rows;
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) continue;
            Object[] row = parse(line);
            if (row == null) {
                log.warn("event journal {}: line {} is incomplete (cut short by a crash before its sync); it and "
                        + "anything after it were never acked and are ignored", file, lineNumber);
                break;
            }
            rows.add(row);
        }
        return rows;
    }

    /** A row as one journal line (without the line break). */
    static String line(ObjectMapper json, Object[] row) {
        ArrayNode a = json.createArrayNode();
        for (int i = 0; i < COLUMNS; i++) {
            Object v = row[i];
            if (v == null) a.addNull();
            else if (v instanceof Timestamp t) a.add(t.toInstant().toString());
            else if (v instanceof Long l) a.add(l);
            else if (v instanceof Boolean b) a.add(b);
            else a.add(v.toString());
        }
        return a.toString();
    }

    private Object[] parse(String line) {
        try {
            return row(json.readTree(line));
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private static Object[] row(JsonNode a) {
        if (a == null || !a.isArray() || a.size() != COLUMNS) return null;
        Object[] row = new Object[COLUMNS];
        for (int i = 0; i < COLUMNS; i++) {
            JsonNode v = a.get(i);
            if (v.isNull()) row[i] = null;
            else if (i == AT) row[i] = Timestamp.from(Instant.parse(v.asText()));
            else if (v.isIntegralNumber()) row[i] = v.asLong();
            else if (v.isBoolean()) row[i] = v.asBoolean();
            else row[i] = v.asText();
        }
        return row;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("event journal {}: {}", file, e.toString());
        }
    }
}
