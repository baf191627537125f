package xiaoer.kb.analysis;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Drops tokens without a letter or digit: SmartCN emits punctuation and symbols as tokens of their own. */
final class MeaningfulTokenFilter extends FilteringTokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    MeaningfulTokenFilter(TokenStream in) {
        super(in);
    }

    @Override
    protected boolean accept() {
        for (int i = 0; i < term.length(); i++) {
            if (Character.isLetterOrDigit(term.charAt(i))) return true;
        }
        return false;
    }
}
