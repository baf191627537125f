package xiaoer.engine.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import xiaoer.kb.LintFinding;
import xiaoer.kb.Linter;
import xiaoer.kb.QuickReply;
import xiaoer.kb.Script;
import xiaoer.kb.io.ScriptValidator;

/**
 * What a script must satisfy before it enters the draft and again before it is published: the script rules (id,
 * language, phrasings, locked facts stated unchanged in the answer and every variant) and the lint on every text a
 * shopper can see (answer, variants, quick-reply labels).
 */
public final class ScriptChecks {

    private final Linter linter;

    public ScriptChecks(Linter linter) {
        this.linter = linter;
    }

    public List<ScriptProblem> check(Script s) {
        List<ScriptProblem> out = new ArrayList<>();
        for (String p : ScriptValidator.problems(s)) out.add(new ScriptProblem(s.id(), fieldOf(p), p, List.of()));
        lintTexts(s, "", out);
        // a translation's texts reach shoppers too (field names prefixed: translations.en.answer)
        for (String lang : s.translations().keySet()) lintTexts(s.in(lang), "translations." + lang + ".", out);
        return out;
    }

    private void lintTexts(Script s, String prefix, List<ScriptProblem> out) {
        lint(s.id(), prefix + "answer", s.answer(), out);
        for (Map.Entry<String, String> v : new TreeMap<>(s.variants()).entrySet()) {
            lint(s.id(), prefix + "variants." + v.getKey(), v.getValue(), out);
        }
        for (int i = 0; i < s.quickReplies().size(); i++) {
            QuickReply r = s.quickReplies().get(i);
            if (r != null) lint(s.id(), prefix + "quickReplies[" + i + "].label", r.label(), out);
        }
    }

    /** Every problem of every script, in list order. */
    public List<ScriptProblem> checkAll(List<Script> scripts) {
        List<ScriptProblem> out = new ArrayList<>();
        for (Script s : scripts) out.addAll(check(s));
        return out;
    }

    private void lint(String id, String field, String text, List<ScriptProblem> out) {
        if (text == null || text.isBlank()) return;
        List<LintFinding> findings = linter.check(text);
        if (!findings.isEmpty()) {
            out.add(new ScriptProblem(id, field, "服务禁用语或绝对承诺 · forbidden phrase or absolute promise", findings));
        }
    }

    /** Maps the validator's sentences to the form field they are about, so the editor can point at it. */
    private static String fieldOf(String problem) {
        if (problem.startsWith("translation '") && problem.length() > 16 && problem.charAt(15) == '\'') {
            String lang = problem.substring(13, 15);
            int colon = problem.indexOf(": ");
            return colon < 0 ? "translations." + lang : "translations." + lang + "." + fieldOf(problem.substring(colon + 2));
        }
        if (problem.startsWith("variant '")) {
            int end = problem.indexOf('\'', 9);
            return end > 9 ? "variants." + problem.substring(9, end) : "variants";
        }
        if (problem.contains("fact")) return problem.startsWith("answer") ? "answer" : "facts";
        if (problem.contains("question")) return "questions";
        if (problem.contains("answer")) return "answer";
        if (problem.contains("id")) return "id";
        if (problem.contains("lang")) return "lang";
        if (problem.contains("quick reply")) return "quickReplies";
        if (problem.contains("customer type")) return "variants";
        return "script";
    }
}
