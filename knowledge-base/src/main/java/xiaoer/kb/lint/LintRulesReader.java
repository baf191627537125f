package xiaoer.kb.lint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Parses {@code lint-rules.txt}: macros, sections, {@code key = value} lines. See the file's header. */
final class LintRulesReader {

    private static final Pattern SECTION = Pattern.compile("\\[(forbidden|promise|promise-trigger)(?:\\s+(.+))?]");
    private static final Pattern MACRO_USE = Pattern.compile("\\{([A-Z][A-Z_]+)}");

    private final Map<String, String> macros = new LinkedHashMap<>();
    private final List<ForbiddenPhraseRule> forbidden = new ArrayList<>();
    private final List<PromiseRule> promises = new ArrayList<>();
    private final HanFolding folding = HanFolding.standard();
    private PromiseTrigger trigger;

    private String kind;
    private String id;
    private Map<String, List<String>> values;
    private int sectionLine;

    LintRules read(Reader source) throws IOException {
        BufferedReader reader = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            try {
                readLine(line.strip(), number);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("lint rules line " + number + ": " + e.getMessage(), e);
            }
        }
        finishSection();
        if (trigger == null && !promises.isEmpty()) throw new IllegalArgumentException("no [promise-trigger]");
        if (trigger == null) trigger = new PromiseTrigger(Pattern.compile("(?!)"), null, null, new char[0]);
        return new LintRules(forbidden, trigger, promises);
    }

    private void readLine(String line, int number) {
        if (line.isEmpty() || line.startsWith("#")) return;
        if (line.startsWith("@define ")) {
            String[] kv = keyValue(line.substring("@define ".length()));
            macros.put(kv[0], expand(kv[1]));
            return;
        }
        Matcher section = SECTION.matcher(line);
        if (section.matches()) {
            finishSection();
            kind = section.group(1);
            id = section.group(2);
            values = new LinkedHashMap<>();
            sectionLine = number;
            return;
        }
        if (kind == null) throw new IllegalArgumentException("a rule line outside of any section: " + line);
        String[] kv = keyValue(line);
        values.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
    }

    private void finishSection() {
        if (kind == null) return;
        try {
            switch (kind) {
                case "forbidden" -> forbidden.add(forbiddenRule());
                case "promise-trigger" -> trigger = promiseTrigger();
                case "promise" -> promises.add(promiseRule());
                default -> throw new IllegalStateException(kind);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("section at line " + sectionLine + " (" + id + "): " + e.getMessage(), e);
        }
        kind = null;
    }

    private ForbiddenPhraseRule forbiddenRule() {
        requireId();
        List<PhrasePattern> phrases = all("phrase").stream().map(p -> new PhrasePattern(simplified(p))).toList();
        List<Pattern> patterns = all("pattern").stream().map(p -> regex(p)).toList();
        if (phrases.isEmpty() && patterns.isEmpty()) throw new IllegalArgumentException("no phrase or pattern");
        return new ForbiddenPhraseRule(id, phrases, patterns, optionalRegex("unless-before"),
                optionalRegex("unless-after"), optionalRegex("only-after"), suggestion());
    }

    private PromiseTrigger promiseTrigger() {
        String alternation = simplified(one("pattern"));
        macros.put("TRIGGER", "(?<" + PromiseRule.TRIGGER_GROUP + ">" + alternation + ")");
        StringBuilder heads = new StringBuilder();
        for (String word : alternation.split("\\|")) {
            if (word.isEmpty()) throw new IllegalArgumentException("empty trigger word");
            if (heads.indexOf(word.substring(0, 1)) < 0) heads.append(word.charAt(0));
        }
        return new PromiseTrigger(regex(alternation), optionalRegex("unless-before"), optionalRegex("unless-after"),
                heads.toString().toCharArray());
    }

    private PromiseRule promiseRule() {
        requireId();
        if (trigger == null) throw new IllegalArgumentException("[promise-trigger] must come before promise rules");
        List<Pattern> patterns = new ArrayList<>();
        for (String p : all("pattern")) {
            if (!p.contains("{TRIGGER}")) throw new IllegalArgumentException("pattern without {TRIGGER}: " + p);
            patterns.add(regex(p));
        }
        if (patterns.isEmpty()) throw new IllegalArgumentException("no pattern");
        return new PromiseRule(id, patterns, suggestion());
    }

    private Suggestion suggestion() {
        String hant = values.containsKey("suggest-hant") ? one("suggest-hant") : null;
        return new Suggestion(one("suggest"), hant);
    }

    private Pattern optionalRegex(String key) {
        return values.containsKey(key) ? regex(one(key)) : null;
    }

    private Pattern regex(String source) {
        try {
            return Pattern.compile(expand(simplified(source)));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regex " + source + ": " + e.getDescription(), e);
        }
    }

    private String expand(String source) {
        Matcher m = MACRO_USE.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = macros.get(m.group(1));
            if (body == null) throw new IllegalArgumentException("unknown macro {" + m.group(1) + "}");
            String replacement = m.group(1).equals("TRIGGER") ? body : "(?:" + body + ")";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Rules are written in simplified characters; a traditional one would silently never match folded text. */
    private String simplified(String text) {
        String folded = folding.fold(text);
        for (int i = 0; i < text.length(); i++) {
            if (folding.isTraditional(text.charAt(i))) {
                throw new IllegalArgumentException("write rules folded (simplified characters, ASCII punctuation): " + text.charAt(i)
                        + " in " + text + " (folded: " + folded + ")");
            }
        }
        return text;
    }

    private void requireId() {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("a rule needs an id: [" + kind + " ID]");
    }

    private List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }

    private String one(String key) {
        List<String> v = all(key);
        if (v.size() != 1) throw new IllegalArgumentException("expected one '" + key + "', found " + v.size());
        return v.get(0);
    }

    private static String[] keyValue(String line) {
        int eq = line.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("expected 'key = value': " + line);
        return new String[] {line.substring(0, eq).strip(), line.substring(eq + 1).strip()};
    }
}
