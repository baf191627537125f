package xiaoer.kb.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import xiaoer.kb.io.LineError;
import xiaoer.kb.io.ScriptFormatException;

/** One labelled message: {@code {"text": "...", "gold": "<script id>"|null}}; null gold means a person should take over. */
public record LabelledQuery(String text, String gold) {

    public boolean inScope() {
        return gold != null;
    }

    /** Reads a JSONL file of labelled queries; refuses it whole with line numbers on any error. */
    public static List<LabelledQuery> read(Path file) {
        ObjectMapper json = new ObjectMapper();
        List<LabelledQuery> out = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line; (line = in.readLine()) != null; ) {
                n++;
                if (line.isBlank()) continue;
                try {
                    JsonNode node = json.readTree(line);
                    JsonNode text = node.get("text");
                    JsonNode gold = node.get("gold");
                    if (text == null || !text.isTextual()) errors.add(new LineError(n, "missing text"));
                    else if (gold != null && !gold.isNull() && !gold.isTextual()) errors.add(new LineError(n, "gold must be a script id or null"));
                    else out.add(new LabelledQuery(text.asText(), gold == null || gold.isNull() ? null : gold.asText()));
                } catch (IOException e) {
                    errors.add(new LineError(n, "malformed JSON"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) throw new ScriptFormatException(file.toString(), errors);
        return out;
    }
}
