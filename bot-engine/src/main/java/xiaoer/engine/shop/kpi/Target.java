package xiaoer.engine.shop.kpi;

/** A KPI's target: below a ratio (complaint rate) or at least a ratio (the others). */
public record Target(Comparison comparison, double ratio) {

    public enum Comparison { BELOW, AT_LEAST }

    public static Target below(double ratio) {
        return new Target(Comparison.BELOW, ratio);
    }

    public static Target atLeast(double ratio) {
        return new Target(Comparison.AT_LEAST, ratio);
    }

    public boolean metBy(double value) {
        return comparison == Comparison.BELOW ? value < ratio : value >= ratio;
    }
}
