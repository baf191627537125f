package xiaoer.kb.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.analysis.TextNormalizer;
import xiaoer.kb.index.ScriptIndex;
import xiaoer.kb.io.ScriptFiles;
import xiaoer.kb.semantic.Embedder;
import xiaoer.kb.semantic.LanguageEmbedders;

/**
 * Diagnostic for choosing a semantic ranking score without any test set: top-1 of several per-script summaries of
 * phrasing cosines (best, mean of top 2 / 3, centroid, mixes) by leave-one-out over the base's phrasings and over
 * a tune file's in-scope messages. Prints one line per score.
 * <pre>java -cp ... xiaoer.kb.eval.RankingProbe KB|builtin LANG [TUNE.jsonl]</pre>
 */
public final class RankingProbe {

    private RankingProbe() {
    }

    static final String[] NAMES = {"best", "top2", "top3", "centroid", "top2+centroid", "best+centroid", "top3+centroid"};

    public static void main(String[] args) throws IOException {
        KnowledgeBase kb = KnowledgeBase.create("builtin".equals(args[0]) ? KnowledgeBase.builtinScripts()
                : ScriptFiles.read(Path.of(args[0])));
        String lang = args[1];
        ScriptIndex idx = kb.index();
        List<Integer> phr = new ArrayList<>();
        List<float[]> vec = new ArrayList<>();
        for (int p = 0; p < idx.phrasingCount(); p++) {
            if (!lang.equals(idx.language(idx.scriptOfPhrasing(p)))) continue;
            phr.add(p);
            vec.add(idx.phrasingVector(p));
        }
        int[] looRight = new int[NAMES.length];
        int looN = 0;
        for (int i = 0; i < phr.size(); i++) {
            int p = phr.get(i);
            int gold = idx.scriptOfPhrasing(p);
            if (idx.phrasingEnd(gold) - idx.phrasingStart(gold) < 2) continue;
            looN++;
            int[] top = rank(idx, phr, vec, vec.get(i), p);
            for (int k = 0; k < NAMES.length; k++) if (top[k] == gold) looRight[k]++;
        }
        int[] tuneRight = new int[NAMES.length];
        int tuneN = 0;
        if (args.length > 2) {
            Embedder model = LanguageEmbedders.shared().forLanguage(lang);
            for (LabelledQuery q : LabelledQuery.read(Path.of(args[2]))) {
                if (q.gold() == null) continue;
                Integer gold = idx.ordinal(q.gold(), lang); // the entry in the probed language
                if (gold == null) continue;
                tuneN++;
                int[] top = rank(idx, phr, vec, model.embed(TextNormalizer.forEmbedding(q.text(), !"en".equals(lang))), -1);
                for (int k = 0; k < NAMES.length; k++) if (top[k] == gold) tuneRight[k]++;
            }
        }
        for (int k = 0; k < NAMES.length; k++) {
            System.out.printf("%-15s loo top-1 %.3f (%d)   tune top-1 %.3f (%d)%n", NAMES[k], looRight[k] / (double) looN,
                    looN, tuneN == 0 ? 0 : tuneRight[k] / (double) tuneN, tuneN);
        }
        kb.close();
    }

    /** The top script under each score, phrasing {@code skip} left out. */
    static int[] rank(ScriptIndex idx, List<Integer> phr, List<float[]> vec, float[] q, int skip) {
        int scripts = idx.scripts().size();
        List<List<Double>> sims = new ArrayList<>();
        float[][] cen = new float[scripts][];
        for (int s = 0; s < scripts; s++) sims.add(new ArrayList<>());
        for (int i = 0; i < phr.size(); i++) {
            if (phr.get(i) == skip) continue;
            int s = idx.scriptOfPhrasing(phr.get(i));
            float[] v = vec.get(i);
            double dot = 0;
            for (int d = 0; d < q.length; d++) dot += q[d] * v[d];
            sims.get(s).add(dot);
            if (cen[s] == null) cen[s] = new float[v.length];
            for (int d = 0; d < v.length; d++) cen[s][d] += v[d];
        }
        int[] best = new int[NAMES.length];
        double[] bestScore = new double[NAMES.length];
        Arrays.fill(bestScore, Double.NEGATIVE_INFINITY);
        for (int s = 0; s < scripts; s++) {
            List<Double> l = sims.get(s);
            if (l.isEmpty()) continue;
            l.sort((a, b) -> Double.compare(b, a));
            double b1 = l.get(0);
            double t2 = l.size() > 1 ? (l.get(0) + l.get(1)) / 2 : b1;
            double t3 = l.size() > 2 ? (l.get(0) + l.get(1) + l.get(2)) / 3 : t2;
            double norm = 0;
            double dot = 0;
            for (int d = 0; d < q.length; d++) {
                norm += cen[s][d] * cen[s][d];
                dot += q[d] * cen[s][d];
            }
            double c = dot / Math.sqrt(norm);
            double[] sc = {b1, t2, t3, c, (t2 + c) / 2, (b1 + c) / 2, (t3 + c) / 2};
            for (int k = 0; k < sc.length; k++) {
                if (sc[k] > bestScore[k]) {
                    bestScore[k] = sc[k];
                    best[k] = s;
                }
            }
        }
        return best;
    }
}
