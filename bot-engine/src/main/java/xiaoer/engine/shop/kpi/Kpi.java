package xiaoer.engine.shop.kpi;

/**
 * One measure for one month.
 *
 * @param value numerator ÷ denominator, or null when the denominator is 0 (nothing to measure)
 * @param met   whether the value meets the target, or null when there is no value
 */
public record Kpi(String id, String name, String formula, long numerator, long denominator, Double value,
                  Target target, Boolean met) {

    static Kpi of(String id, String name, String formula, long numerator, long denominator, Target target) {
        Double value = denominator == 0 ? null : (double) numerator / denominator;
        return new Kpi(id, name, formula, numerator, denominator, value, target,
                value == null ? null : target.metBy(value));
    }
}
