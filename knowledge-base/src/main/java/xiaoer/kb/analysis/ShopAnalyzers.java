package xiaoer.kb.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analyzers of the index, one per field. Input is already folded by {@link TextNormalizer}.
 * <ul>
 *   <li>{@link #ZH_WORDS}: SmartCN word segmentation, shop synonyms folded to one canonical word, particles dropped.</li>
 *   <li>{@link #ZH_BIGRAMS}: overlapping Han bigrams. SmartCN mis-segments short colloquial text and typos;
 *       bigrams still overlap there.</li>
 *   <li>{@link #EN_WORDS}: English words, possessives and stop words removed (negations kept), Porter stems,
 *       shop synonyms.</li>
 * </ul>
 * Analyzers are thread-safe (Lucene reuses token streams per thread).
 */
public final class ShopAnalyzers {

    public static final String ZH_WORDS = "zh";
    public static final String ZH_BIGRAMS = "zhbi";
    public static final String EN_WORDS = "en";

    private static final CharArraySet ZH_STOP = wordSet("/xiaoer/kb/stopwords-zh.txt");
    private static final CharArraySet EN_STOP = wordSet("/xiaoer/kb/stopwords-en.txt");

    private final Analyzer zhSegmenter = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new HMMChineseTokenizer();
            return new TokenStreamComponents(source, new MeaningfulTokenFilter(new LowerCaseFilter(source)));
        }
    };
    private final Analyzer enSegmenter = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new EnglishPossessiveFilter(source);
            return new TokenStreamComponents(source, new PorterStemFilter(new LowerCaseFilter(ts)));
        }
    };
    private final SynonymMap zhSynonyms = synonyms("/xiaoer/kb/synonyms-zh.txt", zhSegmenter);
    private final SynonymMap enSynonyms = synonyms("/xiaoer/kb/synonyms-en.txt", enSegmenter);

    private final Analyzer zhWords = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new HMMChineseTokenizer();
            TokenStream ts = new MeaningfulTokenFilter(new LowerCaseFilter(source));
            ts = new SynonymGraphFilter(ts, zhSynonyms, true);
            ts = new FlattenGraphFilter(ts);
            ts = new StopFilter(ts, ZH_STOP);
            return new TokenStreamComponents(source, ts);
        }
    };
    private final Analyzer zhBigrams = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new CJKBigramFilter(new LowerCaseFilter(source));
            return new TokenStreamComponents(source, ts);
        }
    };
    private final Analyzer enWords = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new EnglishPossessiveFilter(source);
            ts = new LowerCaseFilter(ts);
            ts = new StopFilter(ts, EN_STOP);
            ts = new PorterStemFilter(ts);
            ts = new SynonymGraphFilter(ts, enSynonyms, true);
            ts = new FlattenGraphFilter(ts);
            return new TokenStreamComponents(source, new RemoveDuplicatesTokenFilter(ts));
        }
    };

    private static final ShopAnalyzers SHARED = new ShopAnalyzers();

    public static ShopAnalyzers shared() {
        return SHARED;
    }

    public Analyzer analyzer(String field) {
        return switch (field) {
            case ZH_WORDS -> zhWords;
            case ZH_BIGRAMS -> zhBigrams;
            case EN_WORDS -> enWords;
            default -> throw new IllegalArgumentException("unknown field " + field);
        };
    }

    /** The fields a script or message of this language is indexed and searched on. */
    public static List<String> fields(String lang) {
        return "en".equals(lang) ? List.of(EN_WORDS) : List.of(ZH_WORDS, ZH_BIGRAMS);
    }

    /** Tokens of already-normalized text on one field. Never throws: an analysis failure yields no tokens. */
    public List<String> tokens(String field, String normalizedText) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer(field).tokenStream(field, normalizedText)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    private static SynonymMap synonyms(String resource, Analyzer analyzer) {
        try (InputStream in = ShopAnalyzers.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            SolrSynonymParser parser = new SolrSynonymParser(true, false, analyzer);
            parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("bad synonyms in " + resource + ": " + e.getMessage(), e);
        }
    }

    private static CharArraySet wordSet(String resource) {
        CharArraySet set = new CharArraySet(64, true);
        try (InputStream in = ShopAnalyzers.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String w = line.trim();
                if (!w.isEmpty() && !w.startsWith("#")) set.add(w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }
}
