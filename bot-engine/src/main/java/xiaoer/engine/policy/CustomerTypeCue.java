package xiaoer.engine.policy;

/**
 * A phrase in a shopper's message that points to a customer type.
 *
 * @param type    the type's wire value
 * @param phrase  the phrase as the shopper wrote it
 * @param message index of the message in the list given to the detector (0 = oldest)
 * @param start   offset of the phrase in that message (inclusive)
 * @param end     offset (exclusive)
 * @param weight  what it added to the type's score, after the recency decay
 */
public record CustomerTypeCue(String type, String phrase, int message, int start, int end, double weight) {
}
