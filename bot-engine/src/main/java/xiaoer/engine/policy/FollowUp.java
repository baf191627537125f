package xiaoer.engine.policy;

/**
 * How the bot reads a shopper's message in the light of the last topic.
 *
 * @param followUp      whether the message is an elliptical follow-up of the previous turn
 * @param retrievalText the text to search the knowledge base with: the message itself, or, for a follow-up, the
 *                      previous question plus the new fragment (你们发什么快递 顺丰)
 * @param topicHint     words naming the previous script's topic, or null when unknown
 */
public record FollowUp(boolean followUp, String retrievalText, String topicHint) {

    static FollowUp standalone(String text) {
        return new FollowUp(false, text, null);
    }
}
