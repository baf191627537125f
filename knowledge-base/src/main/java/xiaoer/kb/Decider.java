package xiaoer.kb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import xiaoer.kb.index.Evidence;

/**
 * Turns gathered evidence into a decision: fuses each candidate's evidence into a confidence, then answers,
 * suggests or hands off by the thresholds. Pure and cheap, so {@code --tune} can replay it many times.
 */
public final class Decider {

    private static final int MAX_CANDIDATES = 5;

    private Decider() {
    }

    /**
     * Sets {@code raw} on every evidence and returns each one's feature row (same order as {@code m.evidence()}):
     * full features when the semantic step ran, lexical-only features otherwise.
     */
    public static List<double[]> features(Match m, FusionModel f) {
        List<Evidence> ev = m.evidence();
        boolean full = m.semanticUsed();
        double best1 = Double.NEGATIVE_INFINITY;
        double best2 = Double.NEGATIVE_INFINITY;
        double sem1 = Double.NEGATIVE_INFINITY;
        double sem2 = Double.NEGATIVE_INFINITY;
        double cen1 = Double.NEGATIVE_INFINITY;
        double cen2 = Double.NEGATIVE_INFINITY;
        double top1 = Double.NEGATIVE_INFINITY;
        double top2 = Double.NEGATIVE_INFINITY;
        for (Evidence e : ev) {
            if (e.top2 > top1) {
                top2 = top1;
                top1 = e.top2;
            } else if (e.top2 > top2) top2 = e.top2;
            if (e.centroid > cen1) {
                cen2 = cen1;
                cen1 = e.centroid;
            } else if (e.centroid > cen2) cen2 = e.centroid;
            double sem = Double.isNaN(e.semantic) ? 0 : e.semantic;
            e.raw = full ? f.raw(e.lexical, sem) : e.lexical;
            if (e.raw > best1) {
                best2 = best1;
                best1 = e.raw;
            } else if (e.raw > best2) best2 = e.raw;
            if (sem > sem1) {
                sem2 = sem1;
                sem1 = sem;
            } else if (sem > sem2) sem2 = sem;
        }
        List<double[]> rows = new ArrayList<>(ev.size());
        for (Evidence e : ev) {
            double other = e.raw == best1 ? (best2 == Double.NEGATIVE_INFINITY ? 0 : best2) : best1;
            double margin = e.raw - other;
            if (full) {
                double sem = Double.isNaN(e.semantic) ? 0 : e.semantic;
                double otherSem = sem == sem1 ? (sem2 == Double.NEGATIVE_INFINITY ? 0 : sem2) : sem1;
                double otherCen = e.centroid == cen1 ? (cen2 == Double.NEGATIVE_INFINITY ? 0 : cen2) : cen1;
                double otherTop2 = e.top2 == top1 ? (top2 == Double.NEGATIVE_INFINITY ? 0 : top2) : top1;
                rows.add(FusionModel.fullFeatures(sem, e.lexical, e.coverage, m.vocabulary(), margin, sem - otherSem,
                        sem - m.semanticMean(), e.votes, e.centroid, e.centroid - otherCen, e.answer, e.top2,
                        e.top2 - otherTop2));
            } else {
                rows.add(FusionModel.lexicalFeatures(e.lexical, e.coverage, m.vocabulary(), margin));
            }
        }
        return rows;
    }

    /** Sets {@code raw} and {@code confidence} on every evidence and returns them best first. */
    public static List<Evidence> score(Match m, FusionModel f) {
        List<double[]> rows = features(m, f);
        List<Evidence> ev = new ArrayList<>(m.evidence());
        for (int i = 0; i < ev.size(); i++) {
            ev.get(i).confidence = m.semanticUsed() ? f.fullConfidence(rows.get(i)) : f.lexicalConfidence(rows.get(i));
        }
        ev.sort(Comparator.comparingDouble((Evidence e) -> -e.confidence).thenComparingDouble(e -> -e.raw));
        return ev;
    }

    public static Retrieval decide(Match m, Thresholds t, IntFunction<String> scriptId) {
        List<Evidence> ranked = score(m, t.fusion());
        if (ranked.isEmpty()) return new Retrieval(Decision.HANDOFF, 0, List.of(), m.tokens(), m.semanticUsed(), m.lang());
        Evidence top = ranked.get(0);
        double second = ranked.size() > 1 ? ranked.get(1).confidence : 0;
        Decision d;
        List<Evidence> order = ranked;
        if (top.confidence >= t.answer() && top.confidence - second >= t.margin()) {
            d = Decision.ANSWER;
        } else if (top.confidence >= t.suggest()) {
            d = Decision.SUGGEST;
            // The close ones first (by raw score, the ranking signal), then the rest.
            List<Evidence> suggested = new ArrayList<>();
            suggested.add(top);
            for (Evidence e : ranked.subList(1, ranked.size())) {
                if (suggested.size() >= t.maxSuggestions()) break;
                if (e.raw >= top.raw - t.suggestWindow() || e.confidence >= t.suggest()) suggested.add(e);
            }
            order = new ArrayList<>(suggested);
            for (Evidence e : ranked) if (!suggested.contains(e)) order.add(e);
        } else {
            d = Decision.HANDOFF;
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Evidence e : order.subList(0, Math.min(MAX_CANDIDATES, order.size()))) {
            candidates.add(new Candidate(scriptId.apply(e.script), e.confidence, e.lexical,
                    Double.isNaN(e.semantic) ? 0 : e.semantic, List.copyOf(e.matchedTerms)));
        }
        return new Retrieval(d, top.confidence, candidates, m.tokens(), m.semanticUsed(), m.lang());
    }
}
