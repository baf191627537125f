package xiaoer.kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import xiaoer.kb.Script;
import xiaoer.kb.analysis.ShopAnalyzers;
import xiaoer.kb.analysis.TextNormalizer;
import xiaoer.kb.semantic.Embedder;

/**
 * An immutable, fully built index of one set of scripts: a Lucene index of every phrasing (BM25 over per-language
 * fields, used to find candidates fast), the phrasings' analyzed terms (to score candidates with a normalized
 * similarity) and, when an embedder is given, the phrasings' embeddings (computed here, once).
 */
public final class ScriptIndex {

    private static final int MAX_QUERY_TERMS = 48;
    private static final int LUCENE_TOP_DOCS = 64;

    private final List<Script> scripts;
    private final Map<String, Integer> ordById = new HashMap<>();
    private final String[] scriptLang;
    private final int[] phrasingStart;
    private final int[] phrasingEnd;
    private final Phrasings phrasings;
    private final TermDictionary zhWords = new TermDictionary();
    private final TermDictionary zhBigrams = new TermDictionary();
    private final TermDictionary enWords = new TermDictionary();
    private final IndexSearcher searcher;
    private final int[] docToPhrasing;
    private final String[] embedTexts;
    private final float[] vectors;
    private final int dim;
    private final String modelId;
    private final ShopAnalyzers analyzers = ShopAnalyzers.shared();

    private ScriptIndex(List<Script> scripts, Embedder embedder, Map<String, float[]> reuse) throws IOException {
        this.scripts = List.copyOf(scripts);
        int n = 0;
        for (Script s : scripts) n += s.questions().size();
        scriptLang = new String[scripts.size()];
        phrasingStart = new int[scripts.size()];
        phrasingEnd = new int[scripts.size()];
        phrasings = new Phrasings(n);
        embedTexts = new String[n];

        Map<String, Analyzer> perField = Map.of(
                ShopAnalyzers.ZH_WORDS, analyzers.analyzer(ShopAnalyzers.ZH_WORDS),
                ShopAnalyzers.ZH_BIGRAMS, analyzers.analyzer(ShopAnalyzers.ZH_BIGRAMS),
                ShopAnalyzers.EN_WORDS, analyzers.analyzer(ShopAnalyzers.EN_WORDS));
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(analyzers.analyzer(ShopAnalyzers.ZH_WORDS), perField));
        config.setRAMBufferSizeMB(256);
        int zhScripts = 0;
        int enScripts = 0;
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            int p = 0;
            for (int s = 0; s < scripts.size(); s++) {
                Script script = scripts.get(s);
                ordById.put(script.id(), s);
                boolean en = "en".equals(script.lang());
                scriptLang[s] = en ? "en" : "zh";
                if (en) enScripts++;
                else zhScripts++;
                phrasingStart[s] = p;
                for (String question : script.questions()) {
                    String norm = TextNormalizer.forLexical(question);
                    embedTexts[p] = TextNormalizer.forEmbedding(question, !en);
                    phrasings.script[p] = s;
                    Document doc = new Document();
                    if (en) {
                        phrasings.words[p] = termIds(enWords, analyzers.tokens(ShopAnalyzers.EN_WORDS, norm), s);
                        phrasings.bigrams[p] = new int[0];
                        doc.add(new TextField(ShopAnalyzers.EN_WORDS, norm, Field.Store.NO));
                    } else {
                        phrasings.words[p] = termIds(zhWords, analyzers.tokens(ShopAnalyzers.ZH_WORDS, norm), s);
                        phrasings.bigrams[p] = termIds(zhBigrams, analyzers.tokens(ShopAnalyzers.ZH_BIGRAMS, norm), s);
                        doc.add(new TextField(ShopAnalyzers.ZH_WORDS, norm, Field.Store.NO));
                        doc.add(new TextField(ShopAnalyzers.ZH_BIGRAMS, norm, Field.Store.NO));
                    }
                    doc.add(new NumericDocValuesField("ord", p));
                    writer.addDocument(doc);
                    p++;
                }
                phrasingEnd[s] = p;
            }
            writer.forceMerge(1);
        }
        zhWords.finish(Math.max(1, zhScripts));
        zhBigrams.finish(Math.max(1, zhScripts));
        enWords.finish(Math.max(1, enScripts));
        for (int p = 0; p < n; p++) {
            boolean en = "en".equals(scriptLang[phrasings.script[p]]);
            phrasings.wordWeight[p] = weight(en ? enWords : zhWords, phrasings.words[p]);
            phrasings.bigramWeight[p] = weight(zhBigrams, phrasings.bigrams[p]);
        }
        DirectoryReader reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
        docToPhrasing = new int[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues ords = leaf.reader().getNumericDocValues("ord");
            if (ords == null) continue;
            for (int d = ords.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = ords.nextDoc()) {
                docToPhrasing[leaf.docBase + d] = (int) ords.longValue();
            }
        }
        if (embedder != null && n > 0) {
            modelId = embedder.modelId();
            float[][] rows = new float[n][];
            List<String> missing = new ArrayList<>();
            Map<String, List<Integer>> missingAt = new LinkedHashMap<>();
            for (int p = 0; p < n; p++) {
                float[] known = reuse == null ? null : reuse.get(embedTexts[p]);
                if (known != null) rows[p] = known;
                else missingAt.computeIfAbsent(embedTexts[p], k -> new ArrayList<>()).add(p);
            }
            missing.addAll(missingAt.keySet());
            List<float[]> computed = embedder.embedAll(missing);
            for (int i = 0; i < missing.size(); i++) {
                for (int p : missingAt.get(missing.get(i))) rows[p] = computed.get(i);
            }
            dim = rows[0].length;
            vectors = new float[n * dim];
            for (int p = 0; p < n; p++) System.arraycopy(rows[p], 0, vectors, p * dim, dim);
        } else {
            modelId = null;
            dim = 0;
            vectors = null;
        }
    }

    /** Builds the whole index; {@code embedder} null means lexical only. {@code reuse} maps text to known vectors. */
    public static ScriptIndex build(List<Script> scripts, Embedder embedder, Map<String, float[]> reuse) {
        try {
            return new ScriptIndex(scripts, embedder, reuse);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Script> scripts() {
        return scripts;
    }

    public Script script(int ord) {
        return scripts.get(ord);
    }

    public Integer ordinal(String id) {
        return ordById.get(id);
    }

    public boolean hasEmbeddings() {
        return vectors != null;
    }

    public int phrasingCount() {
        return phrasings.script.length;
    }

    /** text → vector of every phrasing, so a republish only embeds what changed. */
    public Map<String, float[]> vectorsByText(String forModel) {
        Map<String, float[]> out = new HashMap<>();
        if (vectors == null || !forModel.equals(modelId)) return out;
        for (int p = 0; p < embedTexts.length; p++) {
            out.put(embedTexts[p], Arrays.copyOfRange(vectors, p * dim, (p + 1) * dim));
        }
        return out;
    }

    public boolean hasLanguage(String lang) {
        for (String l : scriptLang) if (l.equals(lang)) return true;
        return false;
    }

    /** The message's analysis for one language: what the lexical step matches on. */
    public QueryAnalysis analyze(String normalized, String lang) {
        boolean en = "en".equals(lang);
        List<String> words = analyzers.tokens(en ? ShopAnalyzers.EN_WORDS : ShopAnalyzers.ZH_WORDS, normalized);
        List<String> bigrams = en ? List.of() : analyzers.tokens(ShopAnalyzers.ZH_BIGRAMS, normalized);
        if (words.size() > MAX_QUERY_TERMS) words = words.subList(0, MAX_QUERY_TERMS);
        if (bigrams.size() > MAX_QUERY_TERMS) bigrams = bigrams.subList(0, MAX_QUERY_TERMS);
        TermDictionary wd = en ? enWords : zhWords;
        return new QueryAnalysis(lang, words, bigrams, wd.queryTerms(words), zhBigrams.queryTerms(bigrams));
    }

    /** Share of the message's (weighted) terms that occur anywhere in this language's scripts. */
    public double vocabularyCoverage(QueryAnalysis q) {
        double total = q.words().totalWeight() + q.bigrams().totalWeight();
        return total == 0 ? 0 : (q.words().knownWeight() + q.bigrams().knownWeight()) / total;
    }

    /** Scripts whose phrasings share terms with the message, best BM25 hit first, at most {@code max}. */
    public List<Evidence> lexicalCandidates(QueryAnalysis q, int max) {
        boolean en = "en".equals(q.lang());
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (String t : new java.util.LinkedHashSet<>(q.wordTokens())) {
            b.add(new TermQuery(new Term(en ? ShopAnalyzers.EN_WORDS : ShopAnalyzers.ZH_WORDS, t)), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        for (String t : new java.util.LinkedHashSet<>(q.bigramTokens())) {
            Query tq = new TermQuery(new Term(ShopAnalyzers.ZH_BIGRAMS, t));
            b.add(new BoostQuery(tq, 0.5f), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        if (clauses == 0) return new ArrayList<>();
        ScoreDoc[] hits;
        try {
            hits = searcher.search(b.build(), new TopScoreDocCollectorManager(LUCENE_TOP_DOCS, LUCENE_TOP_DOCS)).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Evidence> out = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (ScoreDoc hit : hits) {
            int script = phrasings.script[docToPhrasing[hit.doc]];
            if (seen.add(script)) {
                Evidence e = new Evidence(script);
                scoreLexical(e, q);
                out.add(e);
                if (out.size() >= max) break;
            }
        }
        return out;
    }

    /** Fills the lexical fields of {@code e} from the best-matching phrasing of its script. */
    public void scoreLexical(Evidence e, QueryAnalysis q) {
        boolean en = "en".equals(scriptLang[e.script]);
        TermDictionary wd = en ? enWords : zhWords;
        float qw = q.words().totalWeight();
        float qb = q.bigrams().totalWeight();
        double best = -1;
        for (int p = phrasingStart[e.script]; p < phrasingEnd[e.script]; p++) {
            float iw = intersectWeight(q.words().ids(), phrasings.words[p], wd);
            float ib = en ? 0 : intersectWeight(q.bigrams().ids(), phrasings.bigrams[p], zhBigrams);
            double diceW = qw + phrasings.wordWeight[p] == 0 ? 0 : 2 * iw / (qw + phrasings.wordWeight[p]);
            double diceB = qb + phrasings.bigramWeight[p] == 0 ? 0 : 2 * ib / (qb + phrasings.bigramWeight[p]);
            double lex = en ? diceW : 0.5 * diceW + 0.5 * diceB;
            if (lex > best) {
                best = lex;
                e.lexical = lex;
                e.coverage = qw + qb == 0 ? 0 : (iw + ib) / (qw + qb);
                e.bestPhrasing = p;
            }
        }
        if (e.bestPhrasing >= 0) e.matchedTerms = matched(q.words().ids(), phrasings.words[e.bestPhrasing], wd);
        if (best < 0) e.lexical = 0;
    }

    /** Semantic evidence for one message: per-script best cosine, nearest-phrasing votes, mean of the bests. */
    public record SemanticScores(double[] best, double[] votes, double mean) {
    }

    public static final int VOTERS = 5;

    /** Cosine of the message's vector to every phrasing of the language, summarised per script. */
    public SemanticScores semanticScores(float[] query, String lang) {
        double[] best = new double[scripts.size()];
        double[] votes = new double[scripts.size()];
        Arrays.fill(best, Double.NaN);
        if (vectors == null || query == null || query.length != dim) return new SemanticScores(best, votes, 0);
        int n = phrasings.script.length;
        // the VOTERS nearest phrasings, kept in a tiny insertion-sorted array
        double[] topSim = new double[VOTERS];
        int[] topScript = new int[VOTERS];
        Arrays.fill(topSim, Double.NEGATIVE_INFINITY);
        for (int p = 0; p < n; p++) {
            int s = phrasings.script[p];
            if (!scriptLang[s].equals(lang)) continue;
            double dot = 0;
            int off = p * dim;
            for (int i = 0; i < dim; i++) dot += query[i] * vectors[off + i];
            if (Double.isNaN(best[s]) || dot > best[s]) best[s] = dot;
            if (dot > topSim[VOTERS - 1]) {
                int k = VOTERS - 1;
                while (k > 0 && topSim[k - 1] < dot) {
                    topSim[k] = topSim[k - 1];
                    topScript[k] = topScript[k - 1];
                    k--;
                }
                topSim[k] = dot;
                topScript[k] = s;
            }
        }
        int voters = 0;
        for (int k = 0; k < VOTERS; k++) {
            if (topSim[k] == Double.NEGATIVE_INFINITY) continue;
            votes[topScript[k]]++;
            voters++;
        }
        if (voters > 0) for (int s = 0; s < votes.length; s++) votes[s] /= voters;
        double sum = 0;
        int count = 0;
        for (double b : best) {
            if (!Double.isNaN(b)) {
                sum += b;
                count++;
            }
        }
        return new SemanticScores(best, votes, count == 0 ? 0 : sum / count);
    }

    public String language(int scriptOrd) {
        return scriptLang[scriptOrd];
    }

    private static int[] termIds(TermDictionary dict, List<String> tokens, int script) {
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = dict.idOrAdd(tokens.get(i), script);
        return Arrays.stream(ids).distinct().sorted().toArray();
    }

    private static float weight(TermDictionary dict, int[] ids) {
        float w = 0;
        for (int id : ids) w += dict.weight(id);
        return w;
    }

    private static float intersectWeight(int[] a, int[] b, TermDictionary dict) {
        float w = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                w += dict.weight(a[i]);
                i++;
                j++;
            } else if (a[i] < b[j]) i++;
            else j++;
        }
        return w;
    }

    private static List<String> matched(int[] a, int[] b, TermDictionary dict) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                out.add(dict.term(a[i]));
                i++;
                j++;
            } else if (a[i] < b[j]) i++;
            else j++;
        }
        return out;
    }
}
