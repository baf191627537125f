package xiaoer.kb.eval;

import java.util.List;

/** Plain L2-regularised logistic regression by batch gradient descent on standardised features. Small data only. */
final class LogisticRegression {

    private LogisticRegression() {
    }

    /** Coefficients (intercept first) in the ORIGINAL feature space. */
    static double[] fit(List<double[]> x, List<Integer> y, double l2, int iterations) {
        double[] ones = new double[x.size()];
        java.util.Arrays.fill(ones, 1);
        return fit(x, y, ones, l2, iterations);
    }

    /** Weighted form: row {@code i} counts {@code weight[i]} times (weights are normalised to mean 1). */
    static double[] fit(List<double[]> x, List<Integer> y, double[] weight, double l2, int iterations) {
        int n = x.size();
        double wsum = 0;
        for (double v : weight) wsum += v;
        double[] wt = new double[n];
        for (int i = 0; i < n; i++) wt[i] = weight[i] * n / wsum;
        int d = x.get(0).length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += wt[i] * x.get(i)[j] / n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) sd[j] += wt[i] * (x.get(i)[j] - mean[j]) * (x.get(i)[j] - mean[j]) / n;
        }
        for (int j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]) < 1e-9 ? 1 : Math.sqrt(sd[j]);
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) z[i][j] = (x.get(i)[j] - mean[j]) / sd[j];
        double[] w = new double[d + 1];
        double lr = 0.5;
        for (int it = 0; it < iterations; it++) {
            double[] g = new double[d + 1];
            for (int i = 0; i < n; i++) {
                double s = w[0];
                for (int j = 0; j < d; j++) s += w[j + 1] * z[i][j];
                double err = wt[i] * (1 / (1 + Math.exp(-s)) - y.get(i));
                g[0] += err / n;
                for (int j = 0; j < d; j++) g[j + 1] += err * z[i][j] / n;
            }
            for (int j = 1; j <= d; j++) g[j] += l2 * w[j];
            for (int j = 0; j <= d; j++) w[j] -= lr * g[j];
        }
        double[] out = new double[d + 1];
        out[0] = w[0];
        for (int j = 0; j < d; j++) {
            out[j + 1] = w[j + 1] / sd[j];
            out[0] -= w[j + 1] * mean[j] / sd[j];
        }
        return out;
    }
}
