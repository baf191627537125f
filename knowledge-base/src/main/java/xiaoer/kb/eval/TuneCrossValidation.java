package xiaoer.kb.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import xiaoer.kb.KbMetrics;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Thresholds;
import xiaoer.kb.io.ScriptFiles;

/**
 * Judges a tuning method without touching any test set: K-fold cross-validation on a tune file. Each fold tunes on
 * the other folds (fusion fit + thresholds, exactly as {@code kb-eval --tune}) and is then evaluated through the
 * real retrieve path; the figures are over all held-out folds together (one JSON line, as kb-eval).
 * <pre>java -cp ... xiaoer.kb.eval.TuneCrossValidation KB|builtin TUNE.jsonl [K=5] [SEED=1]</pre>
 */
public final class TuneCrossValidation {

    private TuneCrossValidation() {
    }

    public static void main(String[] args) throws IOException {
        KnowledgeBase kb = KnowledgeBase.create("builtin".equals(args[0]) ? KnowledgeBase.builtinScripts()
                : ScriptFiles.read(Path.of(args[0])));
        List<LabelledQuery> all = new ArrayList<>(LabelledQuery.read(Path.of(args[1])));
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Collections.shuffle(all, new Random(args.length > 3 ? Long.parseLong(args[3]) : 1));
        String lang = Tuner.language(all);
        List<Evaluator.Outcome> outcomes = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<LabelledQuery> train = new ArrayList<>();
            List<LabelledQuery> held = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) (i % k == f ? held : train).add(all.get(i));
            Thresholds t = Tuner.tune(kb, train, null);
            kb.setThresholds(lang, t);
            System.err.printf("fold %d: answer=%.2f margin=%.2f suggest=%.2f lexicalSure=%.3f%n", f, t.answer(),
                    t.margin(), t.suggest(), t.lexicalSure());
            outcomes.addAll(Evaluator.run(kb, held, null));
        }
        KbMetrics before = kb.metrics();
        EvalReport r = Evaluator.report(kb, outcomes, before);
        long semantic = outcomes.stream().filter(o -> o.retrieval().semanticUsed()).count();
        var fields = new java.util.LinkedHashMap<>(r.fields());
        fields.put("semantic_share", semantic / (double) outcomes.size());
        fields.remove("threshold");
        fields.remove("suggest_threshold");
        System.out.println(new ObjectMapper().writeValueAsString(fields));
        kb.close();
    }
}
