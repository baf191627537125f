package xiaoer.app.trainer;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import xiaoer.kb.Script;
import xiaoer.kb.io.ScriptFiles;

/** Scripts stored in the knowledge base's own JSONL format, so a stored release is also an exportable file. */
final class ScriptLines {

    private ScriptLines() {
    }

    static String write(List<Script> scripts) {
        StringWriter out = new StringWriter();
        try {
            ScriptFiles.writeJsonl(scripts, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static List<Script> read(String jsonl, String source) {
        try {
            return ScriptFiles.readJsonl(new StringReader(jsonl), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Script readOne(String line, String source) {
        return read(line, source).get(0);
    }
}
