package xiaoer.kb;

import java.util.List;

/** One script considered for a message, with the scores that ranked it. {@code score} is the fused confidence in [0,1]. */
public record Candidate(String scriptId, double score, double lexical, double semantic, List<String> matchedTerms) {
}
