package xiaoer.kb.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import xiaoer.kb.Candidate;
import xiaoer.kb.Decision;
import xiaoer.kb.KbMetrics;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Retrieval;

/** Runs labelled messages through a knowledge base (the real retrieve path, timed) and computes the report. */
public final class Evaluator {

    /** One evaluated message. */
    public record Outcome(LabelledQuery query, Retrieval retrieval, double millis) {
        public boolean answered() {
            return retrieval.decision() == Decision.ANSWER;
        }

        public String answeredId() {
            return answered() ? retrieval.candidates().get(0).scriptId() : null;
        }
    }

    private Evaluator() {
    }

    public static List<Outcome> run(KnowledgeBase kb, List<LabelledQuery> queries, PrintStream progress) {
        List<Outcome> out = new ArrayList<>(queries.size());
        // Warm-up so class loading and JIT do not land in the first measured queries.
        for (int i = 0; i < Math.min(20, queries.size()); i++) kb.retrieve(queries.get(i).text() + " ", null);
        ProgressBar bar = new ProgressBar(progress, queries.size());
        for (LabelledQuery q : queries) {
            long t0 = System.nanoTime();
            Retrieval r = kb.retrieve(q.text(), null);
            double ms = (System.nanoTime() - t0) / 1e6;
            out.add(new Outcome(q, r, ms));
            bar.step();
        }
        bar.done();
        return out;
    }

    public static EvalReport report(KnowledgeBase kb, List<Outcome> outcomes, KbMetrics before) {
        int n = outcomes.size();
        int inScope = 0, inScopeRight = 0, oos = 0, oosHandoff = 0, handoffs = 0, wrong = 0;
        int suggests = 0, suggestsInScope = 0, suggestHits = 0, top1 = 0;
        List<double[]> scored = new ArrayList<>();
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes.get(i);
            ms[i] = o.millis();
            Retrieval r = o.retrieval();
            String gold = o.query().gold();
            boolean handoff = r.decision() == Decision.HANDOFF;
            if (handoff) handoffs++;
            if (o.answered() && !o.answeredId().equals(gold)) wrong++;
            if (r.decision() == Decision.SUGGEST) {
                suggests++;
                if (gold != null) {
                    suggestsInScope++;
                    if (r.candidates().stream().limit(3).map(Candidate::scriptId).anyMatch(gold::equals)) suggestHits++;
                }
            }
            if (gold != null) {
                inScope++;
                if (gold.equals(o.answeredId())) inScopeRight++;
                if (!r.candidates().isEmpty() && gold.equals(r.candidates().get(0).scriptId())) top1++;
            } else {
                oos++;
                if (handoff) oosHandoff++;
            }
            scored.add(new double[]{r.score(), gold != null ? 1 : 0});
        }
        Arrays.sort(ms);
        String lang = Tuner.language(outcomes.stream().map(Outcome::query).toList());
        KbMetrics after = kb.metrics();
        long queries = after.queries() - before.queries();
        double semanticShare = queries == 0 ? 0 : (after.semanticRuns() - before.semanticRuns()) / (double) queries;
        return new EvalReport(n, div(inScopeRight, inScope), div(oosHandoff, oos), div(oosHandoff, handoffs),
                div(wrong, n), div(suggests, n), div(suggestHits, suggestsInScope), auroc(scored),
                kb.thresholds(lang).answer(), kb.thresholds(lang).suggest(), percentile(ms, 0.50), percentile(ms, 0.99),
                semanticShare, after.overloadFallbacks() - before.overloadFallbacks(), div(top1, inScope));
    }

    /** Mann–Whitney AUROC: the chance a random in-scope message scores above a random out-of-scope one. */
    static double auroc(List<double[]> scoredLabels) {
        List<double[]> s = new ArrayList<>(scoredLabels);
        s.sort((a, b) -> Double.compare(a[0], b[0]));
        double pos = 0, neg = 0, rankSum = 0;
        int i = 0;
        while (i < s.size()) {
            int j = i;
            while (j < s.size() && s.get(j)[0] == s.get(i)[0]) j++;
            double avgRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) if (s.get(k)[1] == 1) rankSum += avgRank;
            i = j;
        }
        for (double[] x : s) {
            if (x[1] == 1) pos++;
            else neg++;
        }
        if (pos == 0 || neg == 0) return Double.NaN;
        return (rankSum - pos * (pos + 1) / 2) / (pos * neg);
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int idx = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static double div(int a, int b) {
        return b == 0 ? Double.NaN : a / (double) b;
    }
}
