package xiaoer.kb;

import java.util.Arrays;

/**
 * Fuses the lexical and semantic evidence for a script into one calibrated confidence: the probability that this
 * script is the right answer to the message, from a logistic regression fitted by {@code kb-eval --tune}.
 * <p>
 * Candidates are ranked by {@code raw = lexWeight·lexical + (1−lexWeight)·semantic}. The full model reads
 * {@code [semantic, lexical, coverage, vocabulary, rawMargin, semanticMargin, semanticLift, votes, centroid,
 * centroidMargin, answer, top2, top2Margin]} (lift: cosine minus the message's mean best cosine over all scripts; votes: share of the 5
 * nearest phrasings in this script; centroid: cosine to the mean of the script's phrasing vectors, which rewards a
 * message close to the script as a whole rather than to one odd phrasing; answer: cosine to the script's answer; top2: mean cosine to the script's two closest phrasings, a kNN-style vote that one odd
 * phrasing cannot win alone); the lexical-only model (used when the
 * lexical step is sure, when there is no embedder, and as the fallback under overload) reads
 * {@code [lexical, coverage, vocabulary, lexicalMargin]}. Margins are against the best other candidate, so only the
 * leader can have a positive margin. Coefficient arrays start with the intercept.
 */
public record FusionModel(double lexWeight, double[] full, double[] lexical) {

    public static final int FULL_FEATURES = 13;
    public static final int LEXICAL_FEATURES = 4;

    public FusionModel {
        if (full.length != FULL_FEATURES + 1 || lexical.length != LEXICAL_FEATURES + 1) {
            throw new IllegalArgumentException("fusion model needs " + (FULL_FEATURES + 1) + " and "
                    + (LEXICAL_FEATURES + 1) + " coefficients");
        }
        full = full.clone();
        lexical = lexical.clone();
    }

    public double raw(double lexicalScore, double semanticScore) {
        return lexWeight * lexicalScore + (1 - lexWeight) * semanticScore;
    }

    public static double[] fullFeatures(double semantic, double lexical, double coverage, double vocabulary,
                                        double rawMargin, double semanticMargin, double semanticLift, double votes,
                                        double centroid, double centroidMargin, double answer, double top2,
                                        double top2Margin) {
        return new double[]{semantic, lexical, coverage, vocabulary, rawMargin, semanticMargin, semanticLift, votes,
                centroid, centroidMargin, answer, top2, top2Margin};
    }

    public static double[] lexicalFeatures(double lexical, double coverage, double vocabulary, double lexicalMargin) {
        return new double[]{lexical, coverage, vocabulary, lexicalMargin};
    }

    public double fullConfidence(double[] features) {
        return logistic(full, features);
    }

    public double lexicalConfidence(double[] features) {
        return logistic(lexical, features);
    }

    static double logistic(double[] w, double[] x) {
        double z = w[0];
        for (int i = 0; i < x.length; i++) z += w[i + 1] * x[i];
        return 1 / (1 + Math.exp(-z));
    }

    @Override
    public String toString() {
        return "FusionModel[lexWeight=" + lexWeight + ", full=" + Arrays.toString(full) + ", lexical="
                + Arrays.toString(lexical) + "]";
    }
}
