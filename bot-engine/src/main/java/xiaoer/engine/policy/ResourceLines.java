package xiaoer.engine.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the policy's word lists: UTF-8 lines, {@code #} comments, optional {@code [section]} headers. */
final class ResourceLines {

    private ResourceLines() {
    }

    static List<String> lines(String resource) {
        try (InputStream in = ResourceLines.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource xiaoer/engine/policy/" + resource);
            return lines(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Reader source) throws IOException {
        List<String> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(source);
        String line;
        while ((line = reader.readLine()) != null) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) lines.add(s);
        }
        return lines;
    }

    /** Lines grouped by the {@code [section]} above them. */
    static Map<String, List<String>> sections(String resource) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines(resource)) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip(), k -> new ArrayList<>());
            } else if (current == null) {
                throw new IllegalStateException(resource + ": line outside of a section: " + line);
            } else {
                current.add(line);
            }
        }
        return sections;
    }
}
