package xiaoer.engine.policy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an order number and a mobile number look like, as regexes on the folded text (full-width digits folded to
 * ASCII, letters lower-cased).
 *
 * @param orderNumber an order number. Default: 10–20 digits, or 1–4 letters and 8–20 digits (DD20240214001), not
 *                    glued to other letters or digits
 * @param mobile      a mainland mobile number, which is never an order number. Default: optional +86/86, then
 *                    1[3-9] and 9 more digits
 * @param phoneTail   the last four digits of the phone, in group 1. Default: after 尾号 / 后四位 / 末四位 / last four
 *                    (digits) / phone ends (with, in) / ending in
 */
public record OrderNumberSettings(Pattern orderNumber, Pattern mobile, Pattern phoneTail) {

    public OrderNumberSettings {
        Objects.requireNonNull(orderNumber, "orderNumber");
        Objects.requireNonNull(mobile, "mobile");
        Objects.requireNonNull(phoneTail, "phoneTail");
    }

    public static OrderNumberSettings defaults() {
        return new OrderNumberSettings(
                Pattern.compile("(?<![0-9a-z])(?:[a-z]{1,4}[0-9]{8,20}|[0-9]{10,20})(?![0-9a-z])"),
                Pattern.compile("(?:\\+?86)?1[3-9][0-9]{9}"),
                Pattern.compile("(?:尾号|后四位|后4位|末四位|末4位|最后四位|最后4位"
                        + "|last (?:4|four)(?: digits?)?(?: of (?:my|the) (?:phone|mobile|number|cell))?(?: are| is)?"
                        + "|(?:phone|mobile|number|cell)(?: number)? end(?:s|ing)?(?: with| in)?|ending (?:with|in))"
                        + "\\s*(?:是|为|:)?\\s*([0-9]{4})(?![0-9])"));
    }

    /** The defaults with another order-number pattern (a shop's own numbering). */
    public OrderNumberSettings withOrderNumber(String regex) {
        return new OrderNumberSettings(Pattern.compile(regex), mobile, phoneTail);
    }
}
