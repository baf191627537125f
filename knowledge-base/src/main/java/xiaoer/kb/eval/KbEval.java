package xiaoer.kb.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import xiaoer.kb.KbMetrics;
import xiaoer.kb.KbOptions;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Script;
import xiaoer.kb.Thresholds;
import xiaoer.kb.io.ScriptFiles;
import xiaoer.kb.io.ScriptFormatException;

/**
 * {@code kb-eval --kb FILE|builtin --queries FILE [--tune FILE] [--write-thresholds FILE] [--lexical-only]
 * [--misses N]}: prints one JSON line with the figures of {@link EvalReport}; progress and misses go to stderr.
 */
public final class KbEval {

    public static void main(String[] args) throws IOException {
        String kbArg = null, queriesArg = null, tuneArg = null, writeArg = null;
        boolean lexicalOnly = false;
        int misses = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kb" -> kbArg = value(args, ++i);
                case "--queries" -> queriesArg = value(args, ++i);
                case "--tune" -> tuneArg = value(args, ++i);
                case "--write-thresholds" -> writeArg = value(args, ++i);
                case "--lexical-only" -> lexicalOnly = true;
                case "--misses" -> misses = Integer.parseInt(value(args, ++i));
                case "-h", "--help" -> usage(0);
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    usage(2);
                }
            }
        }
        if (kbArg == null || queriesArg == null) usage(2);
        PrintStream err = System.err;
        try {
            List<Script> scripts = "builtin".equals(kbArg) ? KnowledgeBase.builtinScripts() : ScriptFiles.read(Path.of(kbArg));
            List<LabelledQuery> queries = LabelledQuery.read(Path.of(queriesArg));
            KbOptions options = lexicalOnly ? KbOptions.lexicalOnly() : KbOptions.defaults();
            KnowledgeBase kb = KnowledgeBase.create(scripts, options);
            if (tuneArg != null) {
                List<LabelledQuery> tuneSet = LabelledQuery.read(Path.of(tuneArg));
                Thresholds tuned = Tuner.tune(kb, tuneSet, err);
                kb.setThresholds(Tuner.language(tuneSet), tuned);
                err.println("tuned " + Tuner.language(tuneSet) + ": answer=" + tuned.answer() + " margin=" + tuned.margin() + " suggest=" + tuned.suggest()
                        + " " + tuned.fusion());
                if (writeArg != null) {
                    try (Writer w = Files.newBufferedWriter(Path.of(writeArg), StandardCharsets.UTF_8)) {
                        tuned.write(w, "chosen by kb-eval --tune " + tuneArg);
                    }
                }
            }
            KbMetrics before = kb.metrics();
            List<Evaluator.Outcome> outcomes = Evaluator.run(kb, queries, err);
            EvalReport report = Evaluator.report(kb, outcomes, before);
            if (misses > 0) printMisses(outcomes, misses, err);
            System.out.println(new ObjectMapper().writeValueAsString(report.fields()));
            kb.close();
        } catch (ScriptFormatException e) {
            err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static void printMisses(List<Evaluator.Outcome> outcomes, int max, PrintStream err) {
        int shown = 0;
        for (Evaluator.Outcome o : outcomes) {
            String gold = o.query().gold();
            boolean right = gold == null ? o.retrieval().decision() == xiaoer.kb.Decision.HANDOFF : gold.equals(o.answeredId());
            if (right) continue;
            String cands = o.retrieval().candidates().stream().limit(3)
                    .map(c -> c.scriptId() + String.format(":%.2f(l%.2f,s%.2f)", c.score(), c.lexical(), c.semantic()))
                    .collect(Collectors.joining(" "));
            err.println("MISS " + o.query().text() + " | gold=" + gold + " | " + o.retrieval().decision().wire() + " " + cands);
            if (++shown >= max) break;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) usage(2);
        return args[i];
    }

    private static void usage(int code) {
        System.err.println("usage: kb-eval --kb FILE|builtin --queries FILE [--tune FILE] [--write-thresholds FILE]"
                + " [--lexical-only] [--misses N]");
        System.exit(code);
    }

}
