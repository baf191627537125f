package xiaoer.engine.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xiaoer.kb.lint.HanFolding;

/**
 * Understands short follow-ups in the context of the last topic: "那顺丰呢" after a carrier question, "多久" after a
 * return question. A message is a follow-up when it is short ({@code maxLength} Chinese characters or Latin words,
 * punctuation not counted, default 10), there was a previous topic, it is not a greeting/thanks/yes, and it either leans on the
 * previous turn (那…, what about…), ends in 呢, or is only a bare question (多久, 要几天, how long). Pure.
 */
public final class FollowUpResolver {

    private static final String RESOURCE = "follow-up.txt";
    private static final Pattern NOISE = Pattern.compile("[\\s\\p{P}\\p{S}]+");

    private final int maxLength;
    private final List<Pattern> lead;
    private final List<Pattern> tail;
    private final List<Pattern> bare;
    private final List<Pattern> standalone;
    private final Map<String, String> topics;
    private final HanFolding folding = HanFolding.standard();

    public FollowUpResolver() {
        this(10);
    }

    /** @param maxLength the longest message (in characters, without spaces and punctuation) read as elliptical */
    public FollowUpResolver(int maxLength) {
        if (maxLength < 1) throw new IllegalArgumentException("maxLength >= 1");
        this.maxLength = maxLength;
        Map<String, List<String>> s = ResourceLines.sections(RESOURCE);
        this.lead = compile(s.get("lead"));
        this.tail = compile(s.get("tail"));
        this.bare = compile(s.get("bare"));
        this.standalone = compile(s.get("standalone"));
        this.topics = topics(s.get("topic"));
    }

    /**
     * @param text             the shopper's new message
     * @param previousScriptId the script the bot matched for the previous shopper message, or null
     * @param previousText     the previous shopper message, or null
     */
    public FollowUp resolve(String text, String previousScriptId, String previousText) {
        if (text == null) return FollowUp.standalone("");
        String hint = topicHint(previousScriptId);
        boolean hasContext = hint != null || (previousText != null && !previousText.isBlank());
        String core = NOISE.matcher(folding.fold(text)).replaceAll(" ").strip();
        String compact = core.replace(" ", "");
        if (!hasContext || compact.isEmpty() || length(core) > maxLength || matchesAny(standalone, compact)) {
            return FollowUp.standalone(text);
        }
        String fragment;
        if (matchesAny(bare, compact) || matchesAny(bare, core)) {
            fragment = core;
        } else {
            String stripped = strip(core);
            if (stripped.equals(core)) return FollowUp.standalone(text);
            fragment = stripped;
        }
        String base = previousText != null && !previousText.isBlank() ? previousText.strip() : hint;
        String retrieval = fragment.isEmpty() ? base : base + " " + fragment;
        if (previousText != null && hint != null && !retrieval.contains(hint)) retrieval += " " + hint;
        return new FollowUp(true, retrieval, hint);
    }

    /** The topic words of a script id: exact id first, then ever shorter dotted prefixes. */
    public String topicHint(String scriptId) {
        for (String id = scriptId; id != null && !id.isEmpty(); id = parent(id)) {
            String words = topics.get(id);
            if (words != null) return words;
        }
        return null;
    }

    /** Removes a leading 那/what about… and a trailing 呢; returns {@code core} unchanged when it has neither. */
    private String strip(String core) {
        String s = core;
        for (Pattern p : lead) s = p.matcher(s).replaceFirst("");
        for (Pattern p : tail) s = p.matcher(s).replaceFirst("");
        return s.strip();
    }

    /** Length as a reader feels it: one per Chinese character, one per Latin word or number. */
    private static int length(String core) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < core.length(); i++) {
            char c = core.charAt(i);
            boolean wordChar = c < 0x2E80 && Character.isLetterOrDigit(c);
            if (wordChar && !inWord) n++;
            else if (!wordChar && !Character.isWhitespace(c)) n++;
            inWord = wordChar;
        }
        return n;
    }

    private static String parent(String id) {
        int dot = id.lastIndexOf('.');
        return dot < 0 ? null : id.substring(0, dot);
    }

    private static boolean matchesAny(List<Pattern> patterns, String text) {
        for (Pattern p : patterns) {
            if (p.matcher(text).find()) return true;
        }
        return false;
    }

    private static List<Pattern> compile(List<String> regexes) {
        List<Pattern> out = new ArrayList<>();
        for (String r : regexes == null ? List.<String>of() : regexes) out.add(Pattern.compile(r));
        return List.copyOf(out);
    }

    private static Map<String, String> topics(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines == null ? List.<String>of() : lines) {
            Matcher m = Pattern.compile("([\\w.]+)\\s*=\\s*(.+)").matcher(line);
            if (!m.matches()) throw new IllegalStateException(RESOURCE + ": expected 'id = words': " + line);
            out.put(m.group(1), m.group(2).strip());
        }
        return Map.copyOf(out);
    }
}
