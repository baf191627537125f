package xiaoer.kb.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one evaluation run.
 * <ul>
 *   <li>{@code in_scope_accuracy}: over messages with a gold script, the share ANSWERED with exactly that script
 *       (a SUGGEST or a hand-off counts as not answered).</li>
 *   <li>{@code oos_recall}: over messages with gold null, the share handed off.</li>
 *   <li>{@code oos_precision}: over handed-off messages, the share whose gold is null.</li>
 *   <li>{@code answered_wrong_rate}: over ALL messages, the share ANSWERED with a script other than the gold one
 *       (for gold null: answered at all). The costliest error: the shopper gets a confidently wrong reply.</li>
 *   <li>{@code suggest_rate}: share of messages that got "您是想问…" suggestions; {@code suggest_hit} the share of
 *       those in-scope ones whose gold was among the suggestions.</li>
 *   <li>{@code top1_accuracy}: over in-scope messages, the share whose best candidate is the gold script whatever
 *       the decision (the ranking's ceiling for in-scope accuracy).</li>
 *   <li>{@code auroc}: how well the match score separates in-scope from out-of-scope messages.</li>
 * </ul>
 */
public record EvalReport(int n, double inScopeAccuracy, double oosRecall, double oosPrecision, double answeredWrongRate,
                         double suggestRate, double suggestHit, double auroc, double threshold, double suggestThreshold,
                         double p50Ms, double p99Ms, double semanticShare, long overloadFallbacks,
                         double top1Accuracy) {

    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("in_scope_accuracy", r(inScopeAccuracy));
        m.put("oos_recall", r(oosRecall));
        m.put("oos_precision", r(oosPrecision));
        m.put("answered_wrong_rate", r(answeredWrongRate));
        m.put("top1_accuracy", r(top1Accuracy));
        m.put("auroc", r(auroc));
        m.put("threshold", r(threshold));
        m.put("suggest_threshold", r(suggestThreshold));
        m.put("suggest_rate", r(suggestRate));
        m.put("suggest_hit", r(suggestHit));
        m.put("semantic_share", r(semanticShare));
        m.put("overload_fallbacks", overloadFallbacks);
        m.put("p50_ms", r(p50Ms));
        m.put("p99_ms", r(p99Ms));
        return m;
    }

    private static double r(double v) {
        return Double.isNaN(v) ? 0 : Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
    }
}
