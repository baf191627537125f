package xiaoer.kb;

import java.util.List;

/**
 * The knowledge base's answer for one message.
 *
 * @param score         the best candidate's fused confidence (0 when there is none)
 * @param candidates    best first
 * @param tokens        the analyzer's tokens for the message
 * @param semanticUsed  whether the embedding step ran (it is skipped when the lexical step is sure)
 * @param lang          the language the message was matched in (scripts answer in it; null when unknown)
 */
public record Retrieval(Decision decision, double score, List<Candidate> candidates, List<String> tokens,
                        boolean semanticUsed, String lang) {

    public String bestScriptId() {
        return decision == Decision.HANDOFF || candidates.isEmpty() ? null : candidates.get(0).scriptId();
    }
}
