package xiaoer.kb;

/**
 * A problem in a text meant for a shopper.
 *
 * @param kind       {@code forbidden} (a 服務禁用語) or {@code promise} (an absolute promise)
 * @param rule       the rule's id, e.g. the forbidden phrase as listed in the manuals
 * @param start      offset of the finding in the checked text (inclusive)
 * @param end        offset (exclusive)
 * @param suggestion the manuals' wording to use instead
 */
public record LintFinding(String kind, String rule, int start, int end, String suggestion) {
}
