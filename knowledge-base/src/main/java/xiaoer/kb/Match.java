package xiaoer.kb;

import java.util.List;
import xiaoer.kb.index.Evidence;

/**
 * The evidence gathered for one message before a decision: used by the decision itself, by the trainer's explain
 * view and by {@code kb-eval --tune} (which fits the fusion model on it).
 *
 * @param evidence     scripts considered, unordered
 * @param vocabulary   share of the message's weighted terms the base knows at all (low for off-topic messages)
 * @param semanticUsed whether semantic scores are filled in
 * @param lexicalSure  whether the semantic step was skipped because the lexical step was sure
 * @param semanticMean mean over the language's scripts of their best cosine to the message (the message's
 *                     baseline: off-topic messages are about equally close to everything)
 */
public record Match(String lang, List<String> tokens, List<Evidence> evidence, double vocabulary,
                   boolean semanticUsed, boolean lexicalSure, double semanticMean) {
}
