package xiaoer.engine.dialogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads dialogue files: whole conversations with the expected outcome of every turn, readable by trainers.
 *
 * <pre>
 * # comment
 * === 砍价型顾客一再要优惠            ← a new conversation and its title
 * with: known=true bought=true       ← optional settings (known buyer, has bought)
 * shopper: 能便宜点吗
 *   expect: decision=answer script=presale.discount type=-
 * shopper: 再便宜点，送个赠品吧
 *   expect: type=bargain variant=bargain lint=0
 *   says: 赠品                        ← the reply contains this text (repeatable)
 * agent: 我不知道                      ← an agent's reply (the conversation must be with an agent)
 *   expect: refused=lint rule=我不知道
 * </pre>
 *
 * Keys of {@code expect}: decision (answer|suggest|handoff), script (id or -), type (customer type or -), variant,
 * handoff (reason or -), status (bot|queued|agent|closed), lint (number of findings on the reply), refused, rule.
 */
final class DialogueFile {

    private DialogueFile() {
    }

    static List<Dialogue> read(String file, Reader in) throws IOException {
        List<Dialogue> dialogues = new ArrayList<>();
        BufferedReader reader = new BufferedReader(in);
        String title = null;
        int titleLine = 0;
        Map<String, String> settings = new LinkedHashMap<>();
        List<Dialogue.Turn> turns = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            if (t.startsWith("===")) {
                if (title != null) dialogues.add(new Dialogue(file, titleLine, title, settings, turns));
                title = t.substring(3).strip();
                titleLine = n;
                settings = new LinkedHashMap<>();
                turns = new ArrayList<>();
            } else if (title == null) {
                throw new IOException(file + ":" + n + ": expected '=== title' before anything else");
            } else if (t.startsWith("with:")) {
                settings.putAll(pairs(file, n, t.substring(5)));
            } else if (t.startsWith("shopper:") || t.startsWith("agent:")) {
                int colon = t.indexOf(':');
                turns.add(new Dialogue.Turn(n, t.substring(0, colon), t.substring(colon + 1).strip(),
                        new LinkedHashMap<>()));
            } else if (t.startsWith("expect:") || t.startsWith("says:")) {
                if (turns.isEmpty()) throw new IOException(file + ":" + n + ": an expectation before any turn");
                Map<String, String> expected = turns.get(turns.size() - 1).expected();
                if (t.startsWith("expect:")) {
                    expected.putAll(pairs(file, n, t.substring(7)));
                } else {
                    String says = t.substring(5).strip();
                    expected.merge("says", says, (a, b) -> a + "\u0000" + b);
                }
            } else {
                throw new IOException(file + ":" + n + ": cannot read '" + t + "'");
            }
        }
        if (title != null) dialogues.add(new Dialogue(file, titleLine, title, settings, turns));
        return dialogues;
    }

    private static Map<String, String> pairs(String file, int line, String text) throws IOException {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String part : text.strip().split("\\s+")) {
            if (part.isEmpty()) continue;
            int eq = part.indexOf('=');
            if (eq <= 0) throw new IOException(file + ":" + line + ": expected key=value, got '" + part + "'");
            pairs.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return pairs;
    }
}
