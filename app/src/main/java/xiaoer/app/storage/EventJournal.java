package xiaoer.app.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An append-only file of what the embedded (H2) conversation store committed but has not yet written to its database
 * file: chat events, and conversations as they were created or moved (with their visitors). The store appends each
 * group commit's rows here and syncs the file before anyone is answered, so an acked write survives a crash; H2 then
 * writes its pages on its own delay, many commits at a time, instead of rewriting every touched B-tree page at every
 * commit. After a {@code CHECKPOINT} everything in the journal is in the database file and the journal starts empty
 * again; at start-up whatever it still holds is put back ({@link #read}).
 *
 * <p>One line per row: an event is a JSON array of its columns in {@link JdbcConversationStore}'s insert order (the
 * journal's first format, still read); a conversation is {@code {"conversation":[...]}} with the columns of its table,
 * the whole row as it stood after the write; a visitor is {@code {"visitor":[shop, visitorId]}}. A line cut short by a
 * crash does not parse and ends the reading: it was never synced, so nobody was answered for it. Only the store's
 * writer thread calls the writing methods.
 */
final class EventJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventJournal.class);
    /** What a line holds: its columns (in {@link JdbcConversationStore}'s order) and which of them are timestamps. */
    enum Kind {
        EVENT(12, Set.of(6)),
        CONVERSATION(12, Set.of(9, 10, 11)),
        VISITOR(2, Set.of());

        final int columns;
        final Set<Integer> timestamps;

        Kind(int columns, Set<Integer> timestamps) {
            this.columns = columns;
            this.timestamps = timestamps;
        }

        String key() {
            return name().toLowerCase();
        }
    }

    /** One row of the journal. */
    record Entry(Kind kind, Object[] row) {
        static Entry event(Object[] row) {
            return new Entry(Kind.EVENT, row);
        }

        static Entry conversation(Object[] row) {
            return new Entry(Kind.CONVERSATION, row);
        }

        static Entry visitor(String shop, String visitorId) {
            return new Entry(Kind.VISITOR, new Object[] {shop, visitorId});
        }
    }

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

    /** Appends the entries and syncs them to the disk; on return they survive a crash. */
    void append(List<Entry> entries) throws IOException {
        if (entries.isEmpty()) return;
        StringBuilder lines = new StringBuilder(entries.size() * 160);
        for (Entry e : entries) lines.append(line(json, e)).append('\n');
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

    /** The entries in the journal, in the order they were written, up to the first line that does not parse. */
    List<Entry> read() throws IOException {
        List<Entry> rows = new ArrayList<>();
        if (!Files.exists(file)) return rows;
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) continue;
            Entry row = parse(line);
            if (row == null) {
                log.warn("event journal {}: line {} is incomplete (cut short by a crash before its sync); it and "
                        + "anything after it were never acked and are ignored", file, lineNumber);
                break;
            }
            rows.add(row);
        }
        return rows;
    }

    /** An entry as one journal line (without the line break). */
    static String line(ObjectMapper json, Entry entry) {
        ArrayNode a = json.createArrayNode();
        Object[] row = entry.row();
        for (int i = 0; i < entry.kind().columns; i++) {
            Object v = row[i];
            if (v == null) a.addNull();
            else if (v instanceof Timestamp t) a.add(t.toInstant().toString());
            else if (v instanceof Long l) a.add(l);
            else if (v instanceof Boolean b) a.add(b);
            else a.add(v.toString());
        }
        if (entry.kind() == Kind.EVENT) return a.toString();
        ObjectNode o = json.createObjectNode();
        o.set(entry.kind().key(), a);
        return o.toString();
    }

    private Entry parse(String line) {
        try {
            JsonNode node = json.readTree(line);
            if (node != null && node.isArray()) return entry(Kind.EVENT, node);
            if (node == null || !node.isObject() || node.size() != 1) return null;
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            Map.Entry<String, JsonNode> only = fields.next();
            for (Kind k : Kind.values()) {
                if (k != Kind.EVENT && k.key().equals(only.getKey())) return entry(k, only.getValue());
            }
            return null;
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private static Entry entry(Kind kind, JsonNode a) {
        if (a == null || !a.isArray() || a.size() != kind.columns) return null;
        Object[] row = new Object[kind.columns];
        for (int i = 0; i < kind.columns; i++) {
            JsonNode v = a.get(i);
            if (v.isNull()) row[i] = null;
            else if (kind.timestamps.contains(i)) row[i] = Timestamp.from(Instant.parse(v.asText()));
            else if (v.isIntegralNumber()) row[i] = v.asLong();
            else if (v.isBoolean()) row[i] = v.asBoolean();
            else row[i] = v.asText();
        }
        return new Entry(kind, row);
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
