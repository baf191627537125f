package xiaoer.kb.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import xiaoer.kb.QuickReply;
import xiaoer.kb.Script;

/** The rules every script obeys, whichever file format it came from. */
public final class ScriptValidator {

    public static final Set<String> LANGS = Set.of("zh", "en");
    public static final Set<String> CUSTOMER_TYPES = Set.of("bargain", "skeptic", "cautious", "urgent", "angry");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}");

    private ScriptValidator() {
    }

    /** Problems of one script, without the line number. */
    public static List<String> problems(Script s) {
        List<String> out = new ArrayList<>();
        if (s.id() == null || s.id().isBlank()) out.add("missing id");
        else if (!ID.matcher(s.id()).matches()) out.add("bad id '" + s.id() + "' (letters, digits, . _ - only)");
        if (!LANGS.contains(s.lang())) out.add("bad lang '" + s.lang() + "' (zh or en)");
        if (s.questions().isEmpty()) out.add("no questions");
        for (int i = 0; i < s.questions().size(); i++) {
            String q = s.questions().get(i);
            if (q == null || q.isBlank()) out.add("question " + (i + 1) + " is empty");
        }
        if (s.answer() == null || s.answer().isBlank()) out.add("missing answer");
        for (Map.Entry<String, String> v : s.variants().entrySet()) {
            if (!CUSTOMER_TYPES.contains(v.getKey())) out.add("unknown customer type '" + v.getKey() + "' in variants");
            if (v.getValue() == null || v.getValue().isBlank()) out.add("variant '" + v.getKey() + "' is empty");
        }
        for (Map.Entry<String, String> f : s.facts().entrySet()) {
            if (f.getValue() == null || f.getValue().isBlank()) {
                out.add("fact '" + f.getKey() + "' is empty");
                continue;
            }
            // Facts are locked: a customer-type variant may reword, never change them.
            if (s.answer() != null && !s.answer().contains(f.getValue())) {
                out.add("answer does not state fact '" + f.getKey() + "' (" + f.getValue() + ") unchanged");
            }
            for (Map.Entry<String, String> v : s.variants().entrySet()) {
                if (v.getValue() != null && !v.getValue().contains(f.getValue())) {
                    out.add("variant '" + v.getKey() + "' does not state fact '" + f.getKey() + "' (" + f.getValue() + ") unchanged");
                }
            }
        }
        for (QuickReply r : s.quickReplies()) {
            if (r == null || r.label() == null || r.label().isBlank() || r.text() == null || r.text().isBlank()) {
                out.add("quick reply needs label and text");
            }
        }
        for (String l : s.translations().keySet()) {
            if (!LANGS.contains(l)) {
                out.add("bad translation language '" + l + "' (zh or en)");
            } else if (l.equals(s.lang())) {
                out.add("translation '" + l + "' is the script's own language");
            } else {
                // the same rules in every language (the view has no translations of its own)
                for (String p : problems(s.in(l))) out.add("translation '" + l + "': " + p);
            }
        }
        return out;
    }

    /** Checks a list (lines numbered 1..n in list order unless {@code lines} gives the file lines). */
    public static void check(String source, List<Script> scripts, List<Integer> lines) {
        List<LineError> errors = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < scripts.size(); i++) {
            Script s = scripts.get(i);
            int line = lines == null ? i + 1 : lines.get(i);
            for (String p : problems(s)) errors.add(new LineError(line, p));
            if (s.id() != null) {
                Integer first = firstLine.putIfAbsent(s.id(), line);
                if (first != null) errors.add(new LineError(line, "duplicate id '" + s.id() + "' (first on line " + first + ")"));
            }
        }
        if (!errors.isEmpty()) throw new ScriptFormatException(source, errors);
    }
}
