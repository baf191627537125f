package xiaoer.kb.index;

import java.util.List;

/**
 * What the index found for one script: the lexical similarity of its best phrasing (weighted Dice over words and
 * bigrams, in [0,1]), the share of the message that phrasing covers, and the semantic cosine of its closest
 * phrasing (NaN when the semantic step did not run).
 */
public final class Evidence {

    public final int script;
    public double lexical;
    public double coverage;
    public double semantic = Double.NaN;
    /** Cosine of the message to the script's centroid (mean of its phrasings' vectors); 0 without semantics. */
    public double centroid;
    /** Cosine of the message to the script's answer; 0 without semantics. */
    public double answer;
    /** Mean cosine of the message to the script's two closest phrasings; 0 without semantics. */
    public double top2;
    /** Share of the message's nearest phrasings (semantic top-k) that belong to this script. */
    public double votes;
    public int bestPhrasing = -1;
    public List<String> matchedTerms = List.of();
    /** Filled by the fusion step. */
    public double raw;
    public double confidence;

    public Evidence(int script) {
        this.script = script;
    }
}
