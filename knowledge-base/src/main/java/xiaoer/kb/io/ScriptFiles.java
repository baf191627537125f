package xiaoer.kb.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import xiaoer.kb.QuickReply;
import xiaoer.kb.Script;
import xiaoer.kb.Translation;

/**
 * Reads and writes script files. JSONL is the architecture's format (one script object a line); CSV is for
 * trainers who live in spreadsheets: one row a script, lists joined with {@code |}, one column per customer-type
 * variant ({@link #CSV_COLUMNS}), and the same columns prefixed with a language ({@code en_questions},
 * {@code en_answer}, ...) for a translation. Reading is all or nothing: any error refuses the whole file, listing
 * every problem with its line.
 */
public final class ScriptFiles {

    /** CSV header. {@code questions}/{@code tags}: joined with |; {@code facts}: key=value|...; {@code quick_replies}: label=text|... */
    public static final List<String> CSV_COLUMNS = List.of("id", "lang", "category", "questions", "answer",
            "variant_bargain", "variant_skeptic", "variant_cautious", "variant_urgent", "variant_angry",
            "facts", "quick_replies", "tags");
    /** The columns a translation has in CSV, each prefixed with its language and '_'. */
    private static final List<String> CSV_TRANSLATION_COLUMNS = List.of("questions", "answer", "variant_bargain",
            "variant_skeptic", "variant_cautious", "variant_urgent", "variant_angry", "facts", "quick_replies");
    private static final List<String> TYPES = List.of("bargain", "skeptic", "cautious", "urgent", "angry");
    private static final Set<String> JSON_FIELDS = Set.of("id", "lang", "category", "questions", "answer", "variants",
            "facts", "quickReplies", "tags", "translations");
    private static final Set<String> TRANSLATION_FIELDS = Set.of("questions", "answer", "variants", "facts",
            "quickReplies");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper();

    private ScriptFiles() {
    }

    /** Reads a {@code .csv} file as CSV, anything else as JSONL. */
    public static List<Script> read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return file.toString().toLowerCase().endsWith(".csv") ? readCsv(r, file.toString()) : readJsonl(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Script> readJsonl(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Script> scripts = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        int lineNo = 0;
        for (String line; (line = in.readLine()) != null; ) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isBlank()) continue;
            List<String> problems = new ArrayList<>();
            Script s = parseJson(line, problems);
            for (String p : problems) errors.add(new LineError(lineNo, p));
            if (s != null) {
                scripts.add(s);
                lines.add(lineNo);
            }
        }
        return finish(source, scripts, lines, errors);
    }

    public static List<Script> readCsv(Reader reader, String source) throws IOException {
        List<Script> scripts = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        String text = new BufferedReader(reader).lines().reduce(new StringBuilder(), (sb, l) -> sb.append(l).append('\n'),
                StringBuilder::append).toString();
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(new StringReader(text))) {
            List<String> header = null;
            while (true) {
                int line;
                List<String> row;
                try {
                    if (!it.hasNextValue()) break;
                    line = it.getCurrentLocation().getLineNr();
                    row = it.nextValue();
                } catch (RuntimeException | IOException e) {
                    errors.add(new LineError(it.getCurrentLocation().getLineNr(), "malformed CSV: " + firstLine(e.getMessage())));
                    break;
                }
                if (header == null) {
                    header = row.stream().map(String::trim).toList();
                    for (String h : header) {
                        if (!CSV_COLUMNS.contains(h) && translationColumn(h) == null) {
                            errors.add(new LineError(line, "unknown column '" + h + "'"));
                        }
                    }
                    for (String required : List.of("id", "questions", "answer")) {
                        if (!header.contains(required)) errors.add(new LineError(line, "missing column '" + required + "'"));
                    }
                    if (!errors.isEmpty()) break;
                    continue;
                }
                if (row.stream().allMatch(c -> c == null || c.isBlank())) continue;
                if (row.size() > header.size()) {
                    errors.add(new LineError(line, "row has " + row.size() + " cells, header has " + header.size()));
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < row.size(); i++) cells.put(header.get(i), row.get(i) == null ? "" : row.get(i).trim());
                List<String> problems = new ArrayList<>();
                Script s = fromCells(cells, problems);
                for (String p : problems) errors.add(new LineError(line, p));
                scripts.add(s);
                lines.add(line);
            }
        }
        return finish(source, scripts, lines, errors);
    }

    public static void writeJsonl(List<Script> scripts, Writer out) throws IOException {
        for (Script s : scripts) {
            out.write(JSON.writeValueAsString(toJson(s)));
            out.write('\n');
        }
        out.flush();
    }

    public static void writeCsv(List<Script> scripts, Writer out) throws IOException {
        CsvSchema schema = CsvSchema.builder().setUseHeader(false).build();
        // translation columns only for the languages some script is translated to
        Set<String> translated = new TreeSet<>();
        for (Script s : scripts) translated.addAll(s.translations().keySet());
        List<String> header = new ArrayList<>(CSV_COLUMNS);
        for (String l : translated) for (String c : CSV_TRANSLATION_COLUMNS) header.add(l + "_" + c);
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (Script s : scripts) {
            List<String> row = new ArrayList<>();
            row.add(s.id());
            row.add(s.lang());
            row.add(s.category() == null ? "" : s.category());
            row.add(String.join("|", s.questions()));
            row.add(s.answer());
            for (String type : TYPES) row.add(s.variants().getOrDefault(type, ""));
            row.add(pairs(s.facts()));
            row.add(pairs(quickReplyPairs(s.quickReplies())));
            row.add(String.join("|", s.tags()));
            for (String l : translated) {
                Translation t = s.translations().get(l);
                if (t == null) {
                    for (int i = 0; i < CSV_TRANSLATION_COLUMNS.size(); i++) row.add("");
                    continue;
                }
                row.add(String.join("|", t.questions()));
                row.add(t.answer());
                for (String type : TYPES) row.add(t.variants().getOrDefault(type, ""));
                row.add(pairs(t.facts()));
                row.add(pairs(quickReplyPairs(t.quickReplies())));
            }
            rows.add(row);
        }
        CSV.writer(schema).writeValues(out).writeAll(rows).close();
    }

    public static void write(List<Script> scripts, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (file.toString().toLowerCase().endsWith(".csv")) writeCsv(scripts, w);
            else writeJsonl(scripts, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a JSONL resource from the classpath. */
    public static List<Script> readResource(String resource) {
        try (InputStream in = ScriptFiles.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return readJsonl(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Script> finish(String source, List<Script> scripts, List<Integer> lines, List<LineError> errors) {
        if (errors.isEmpty()) {
            ScriptValidator.check(source, scripts, lines);
            return List.copyOf(scripts);
        }
        // Report structural errors and rule violations together, in line order.
        try {
            ScriptValidator.check(source, scripts, lines);
        } catch (ScriptFormatException more) {
            errors.addAll(more.errors());
        }
        errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
        throw new ScriptFormatException(source, errors);
    }

    private static Script parseJson(String line, List<String> problems) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            problems.add("malformed JSON: " + firstLine(e.getOriginalMessage()));
            return null;
        }
        if (node == null || !node.isObject()) {
            problems.add("not a JSON object");
            return null;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!JSON_FIELDS.contains(f)) problems.add("unknown field '" + f + "'");
        }
        String id = text(node, "id", problems);
        String lang = text(node, "lang", problems);
        String category = text(node, "category", problems);
        String answer = text(node, "answer", problems);
        List<String> questions = strings(node, "questions", problems);
        List<String> tags = strings(node, "tags", problems);
        Map<String, String> variants = map(node, "variants", problems);
        Map<String, String> facts = map(node, "facts", problems);
        List<QuickReply> quickReplies = quickReplies(node, problems);
        Map<String, Translation> translations = new LinkedHashMap<>();
        JsonNode tr = node.get("translations");
        if (tr != null && !tr.isNull()) {
            if (!tr.isObject()) problems.add("'translations' must be an object: language -> {questions, answer, ...}");
            else for (Iterator<Map.Entry<String, JsonNode>> it = tr.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Translation t = parseTranslation(e.getKey(), e.getValue(), problems);
                if (t != null) translations.put(e.getKey(), t);
            }
        }
        return new Script(id, lang, category, questions, answer, variants, facts, quickReplies, tags, translations);
    }

    private static Translation parseTranslation(String lang, JsonNode node, List<String> problems) {
        if (!node.isObject()) {
            problems.add("translation '" + lang + "' must be an object {questions, answer, ...}");
            return null;
        }
        List<String> own = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!TRANSLATION_FIELDS.contains(f)) own.add("unknown field '" + f + "'");
        }
        Translation t = new Translation(strings(node, "questions", own), text(node, "answer", own),
                map(node, "variants", own), map(node, "facts", own), quickReplies(node, own));
        for (String p : own) problems.add("translation '" + lang + "': " + p);
        return t;
    }

    private static List<QuickReply> quickReplies(JsonNode node, List<String> problems) {
        List<QuickReply> quickReplies = new ArrayList<>();
        JsonNode qr = node.get("quickReplies");
        if (qr != null && !qr.isNull()) {
            if (!qr.isArray()) problems.add("'quickReplies' must be an array of {label, text}");
            else for (JsonNode r : qr) {
                if (!r.isObject()) {
                    problems.add("quick reply must be an object {label, text}");
                    continue;
                }
                quickReplies.add(new QuickReply(r.path("label").asText(null), r.path("text").asText(null)));
            }
        }
        return quickReplies;
    }

    private static Script fromCells(Map<String, String> c, List<String> problems) {
        Map<String, Translation> translations = new LinkedHashMap<>();
        for (String lang : new TreeSet<>(c.keySet().stream().map(ScriptFiles::translationColumn)
                .filter(Objects::nonNull).toList())) {
            String p = lang + "_";
            boolean any = CSV_TRANSLATION_COLUMNS.stream().anyMatch(col -> !c.getOrDefault(p + col, "").isBlank());
            if (!any) continue; // a row without this translation
            String answer = c.getOrDefault(p + "answer", "");
            translations.put(lang, new Translation(split(c.getOrDefault(p + "questions", "")),
                    answer.isBlank() ? null : answer, variants(c, p), parsePairs(c.getOrDefault(p + "facts", ""),
                    p + "facts", problems), quickReplies(c.getOrDefault(p + "quick_replies", ""), p + "quick_replies",
                    problems)));
        }
        String category = c.getOrDefault("category", "");
        return new Script(c.get("id"), c.getOrDefault("lang", "zh"), category.isBlank() ? null : category,
                split(c.getOrDefault("questions", "")), c.get("answer"), variants(c, ""),
                parsePairs(c.getOrDefault("facts", ""), "facts", problems),
                quickReplies(c.getOrDefault("quick_replies", ""), "quick_replies", problems),
                split(c.getOrDefault("tags", "")), translations);
    }

    /** The language of a translation column ({@code en_answer} → {@code en}), or null. */
    private static String translationColumn(String header) {
        int sep = header.indexOf('_');
        if (sep <= 0) return null;
        String lang = header.substring(0, sep);
        return ScriptValidator.LANGS.contains(lang) && CSV_TRANSLATION_COLUMNS.contains(header.substring(sep + 1))
                ? lang : null;
    }

    private static Map<String, String> variants(Map<String, String> c, String prefix) {
        Map<String, String> variants = new LinkedHashMap<>();
        for (String type : TYPES) {
            String v = c.getOrDefault(prefix + "variant_" + type, "");
            if (!v.isBlank()) variants.put(type, v);
        }
        return variants;
    }

    private static List<QuickReply> quickReplies(String joined, String column, List<String> problems) {
        List<QuickReply> quickReplies = new ArrayList<>();
        for (Map.Entry<String, String> e : parsePairs(joined, column, problems).entrySet()) {
            quickReplies.add(new QuickReply(e.getKey(), e.getValue()));
        }
        return quickReplies;
    }

    private static Map<String, String> quickReplyPairs(List<QuickReply> replies) {
        Map<String, String> qr = new LinkedHashMap<>();
        for (QuickReply r : replies) qr.put(r.label(), r.text());
        return qr;
    }

    private static List<String> split(String joined) {
        List<String> out = new ArrayList<>();
        for (String part : joined.split("\\|")) if (!part.isBlank()) out.add(part.trim());
        return out;
    }

    private static Map<String, String> parsePairs(String joined, String column, List<String> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : split(joined)) {
            int eq = part.indexOf('=');
            if (eq <= 0) problems.add("'" + column + "' entry '" + part + "' is not key=value");
            else out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return out;
    }

    private static String pairs(Map<String, String> m) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (!sb.isEmpty()) sb.append('|');
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    private static String text(JsonNode node, String field, List<String> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) {
            problems.add("'" + field + "' must be a string");
            return null;
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode node, String field, List<String> problems) {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (!v.isArray()) {
            problems.add("'" + field + "' must be an array of strings");
            return out;
        }
        for (JsonNode e : v) {
            if (!e.isTextual()) problems.add("'" + field + "' must contain only strings");
            else out.add(e.asText());
        }
        return out;
    }

    private static Map<String, String> map(JsonNode node, String field, List<String> problems) {
        JsonNode v = node.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) return out;
        if (!v.isObject()) {
            problems.add("'" + field + "' must be an object of strings");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) problems.add("'" + field + "." + e.getKey() + "' must be a string");
            else out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static ObjectNode toJson(Script s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", s.id());
        o.put("lang", s.lang());
        if (s.category() != null) o.put("category", s.category());
        ArrayNode q = o.putArray("questions");
        s.questions().forEach(q::add);
        o.put("answer", s.answer());
        putContent(o, s.variants(), s.facts(), s.quickReplies());
        if (!s.tags().isEmpty()) {
            ArrayNode t = o.putArray("tags");
            s.tags().forEach(t::add);
        }
        if (!s.translations().isEmpty()) {
            ObjectNode tr = o.putObject("translations");
            s.translations().forEach((lang, t) -> {
                ObjectNode one = tr.putObject(lang);
                ArrayNode tq = one.putArray("questions");
                t.questions().forEach(tq::add);
                one.put("answer", t.answer());
                putContent(one, t.variants(), t.facts(), t.quickReplies());
            });
        }
        return o;
    }

    private static void putContent(ObjectNode o, Map<String, String> variants, Map<String, String> facts,
                                   List<QuickReply> quickReplies) {
        if (!variants.isEmpty()) {
            ObjectNode v = o.putObject("variants");
            variants.forEach(v::put);
        }
        if (!facts.isEmpty()) {
            ObjectNode f = o.putObject("facts");
            facts.forEach(f::put);
        }
        if (!quickReplies.isEmpty()) {
            ArrayNode a = o.putArray("quickReplies");
            for (QuickReply r : quickReplies) a.addObject().put("label", r.label()).put("text", r.text());
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
