package xiaoer.kb.index;

import java.util.List;

/** A message analyzed against one index: tokens per field and their ids/weights in the index's dictionaries. */
public record QueryAnalysis(String lang, List<String> wordTokens, List<String> bigramTokens,
                            TermDictionary.QueryTerms words, TermDictionary.QueryTerms bigrams) {
}
