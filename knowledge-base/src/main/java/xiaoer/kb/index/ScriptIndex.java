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
 * An immutable, fully built index of one set of scripts: a Lucene index with one document per script and language
 * (an entry: a script's own language and each of its translations, see {@link Script#in}) holding all
 * its phrasings (BM25 over per-language fields, used to find candidate scripts fast), the phrasings' analyzed terms
 * (to score candidates with a normalized similarity) and, when an embedder is given, the phrasings' embeddings
 * (computed here, once).
 */
public final class ScriptIndex {

    private static final int MAX_QUERY_TERMS = 48;

    /** The scripts as given (with their translations). */
    private final List<Script> sources;
    /** The entries, one per script and language; ordinals below are entry ordinals. */
    private final List<Script> scripts;
    /** A script's first entry (its own language). */
    private final Map<String, Integer> ordById = new HashMap<>();
    /** Per entry: its script's position in {@link #sources}. */
    private final int[] sourceOrd;
    private final String[] scriptLang;
    private final int[] phrasingStart;
    private final int[] phrasingEnd;
    private final Phrasings phrasings;
    private final TermDictionary zhWords = new TermDictionary();
    private final TermDictionary zhBigrams = new TermDictionary();
    private final TermDictionary enWords = new TermDictionary();
    private final IndexSearcher searcher;
    /** Lucene holds one document per script (all its phrasings): postings a third as long as one per phrasing. */
    private final int[] docToScript;
    private final String[] embedTexts;
    /** Per language: the phrasings' vectors from that language's model (dimensions differ between models). */
    private final Map<String, LangVectors> vectors = new HashMap<>();
    /** Per script: the unit-length mean of its phrasings' vectors (null without embeddings). */
    private final float[][] centroids;
    /** Per script: its answer's vector (an answer says what the script is about in other words). */
    private final float[][] answerVectors;
    private final String modelId;
    private final ShopAnalyzers analyzers = ShopAnalyzers.shared();

    private ScriptIndex(List<Script> sources, Embedder embedder, Map<String, float[]> reuse) throws IOException {
        this.sources = List.copyOf(sources);
        List<Script> scripts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            for (String l : sources.get(i).languages()) {
                scripts.add(sources.get(i).in(l));
                owners.add(i);
            }
        }
        this.scripts = List.copyOf(scripts);
        this.sourceOrd = owners.stream().mapToInt(Integer::intValue).toArray();
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
                ordById.putIfAbsent(script.id(), s);
                boolean en = "en".equals(script.lang());
                scriptLang[s] = en ? "en" : "zh";
                if (en) enScripts++;
                else zhScripts++;
                phrasingStart[s] = p;
                Document doc = new Document();
                for (String question : script.questions()) {
                    String norm = TextNormalizer.forLexical(question);
                    embedTexts[p] = TextNormalizer.forEmbedding(question, !en);
                    phrasings.script[p] = s;
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
                    p++;
                }
                doc.add(new NumericDocValuesField("ord", s));
                writer.addDocument(doc);
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
        docToScript = new int[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues ords = leaf.reader().getNumericDocValues("ord");
            if (ords == null) continue;
            for (int d = ords.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = ords.nextDoc()) {
                docToScript[leaf.docBase + d] = (int) ords.longValue();
            }
        }
        centroids = new float[scripts.size()][];
        answerVectors = new float[scripts.size()][];
        if (embedder != null && n > 0) {
            modelId = embedder.modelId();
            for (String lang : new java.util.TreeSet<>(Arrays.asList(scriptLang))) {
                Embedder model = embedder.forLanguage(lang);
                List<Integer> ps = new ArrayList<>();
                for (int p = 0; p < n; p++) if (scriptLang[phrasings.script[p]].equals(lang)) ps.add(p);
                if (ps.isEmpty()) continue;
                float[][] rows = new float[n][];
                Map<String, List<Integer>> missingAt = new LinkedHashMap<>();
                for (int p : ps) {
                    float[] known = reuse == null ? null : reuse.get(reuseKey(model, embedTexts[p]));
                    if (known != null) rows[p] = known;
                    else missingAt.computeIfAbsent(embedTexts[p], k -> new ArrayList<>()).add(p);
                }
                List<String> missing = new ArrayList<>(missingAt.keySet());
                List<float[]> computed = missing.isEmpty() ? List.of() : model.embedAll(missing);
                for (int i = 0; i < missing.size(); i++) {
                    for (int p : missingAt.get(missing.get(i))) rows[p] = computed.get(i);
                }
                int dim = rows[ps.get(0)].length;
                int[] phr = ps.stream().mapToInt(Integer::intValue).toArray();
                float[] data = new float[phr.length * dim];
                for (int i = 0; i < phr.length; i++) System.arraycopy(rows[phr[i]], 0, data, i * dim, dim);
                vectors.put(lang, new LangVectors(model.modelId(), dim, phr, data));
                List<Integer> answered = new ArrayList<>();
                List<String> answerTexts = new ArrayList<>();
                for (int s = 0; s < scripts.size(); s++) {
                    if (!scriptLang[s].equals(lang) || scripts.get(s).answer() == null) continue;
                    String text = TextNormalizer.forEmbedding(scripts.get(s).answer(), !"en".equals(lang));
                    float[] known = reuse == null ? null : reuse.get(reuseKey(model, text));
                    if (known != null) answerVectors[s] = known;
                    else {
                        answered.add(s);
                        answerTexts.add(text);
                    }
                }
                List<float[]> av = answerTexts.isEmpty() ? List.of() : model.embedAll(answerTexts);
                for (int i = 0; i < answered.size(); i++) answerVectors[answered.get(i)] = av.get(i);
                for (int s = 0; s < scripts.size(); s++) {
                    if (!scriptLang[s].equals(lang) || phrasingEnd[s] == phrasingStart[s]) continue;
                    float[] c = new float[dim];
                    for (int p = phrasingStart[s]; p < phrasingEnd[s]; p++) {
                        for (int d = 0; d < dim; d++) c[d] += rows[p][d];
                    }
                    double norm = 0;
                    for (float x : c) norm += x * x;
                    norm = Math.sqrt(norm);
                    if (norm > 0) for (int d = 0; d < dim; d++) c[d] /= (float) norm;
                    centroids[s] = c;
                }
            }
        } else {
            modelId = null;
        }
    }

    /**
     * One language's phrasing vectors, {@code phrasing[i]}'s being row {@code i}. Stored in blocks of {@link #BLOCK}
     * rows, dimension-major inside a block, each dimension of a block its own array: a message is compared with every
     * phrasing, and this layout makes those dot products {@code sums[j] += q[d] * slice[j]}, which the JIT compiles to
     * SIMD instructions. Each slice starts at index 0 because Java 17's C2 does not vectorize that loop when it reads
     * at an offset ({@code block[off + j]}): one flat array ran scalar, ~2.7x slower on this machine. Four dimensions
     * are added per pass, so a score can differ from a plain loop's in its last bits (evaluation figures unchanged).
     */
    private static final class LangVectors {
        static final int BLOCK = 128;
        private final String model;
        private final int dim;
        private final int[] phrasing;
        /** {@code slices[b * dim + d][j]} = dimension d of row {@code b * BLOCK + j} (0 past the last row). */
        private final float[][] slices;

        private LangVectors(String model, int dim, int[] phrasing, float[] rowMajor) {
            this.model = model;
            this.dim = dim;
            this.phrasing = phrasing;
            int n = phrasing.length;
            int blockCount = (n + BLOCK - 1) / BLOCK;
            this.slices = new float[blockCount * dim][BLOCK];
            for (int i = 0; i < n; i++) {
                int base = (i / BLOCK) * dim;
                for (int d = 0; d < dim; d++) slices[base + d][i % BLOCK] = rowMajor[i * dim + d];
            }
        }

        String model() {
            return model;
        }

        int dim() {
            return dim;
        }

        int[] phrasing() {
            return phrasing;
        }

        /** Row {@code i}, copied. */
        float[] row(int i) {
            float[] row = new float[dim];
            int base = (i / BLOCK) * dim;
            for (int d = 0; d < dim; d++) row[d] = slices[base + d][i % BLOCK];
            return row;
        }

        /** {@code query · row i} for every row. */
        float[] dots(float[] query) {
            int n = phrasing.length;
            float[] out = new float[n];
            float[] sums = new float[BLOCK];
            for (int start = 0, base = 0; start < n; start += BLOCK, base += dim) {
                Arrays.fill(sums, 0f);
                int d = 0;
                // four dimensions per pass over the block: a quarter of the loads and stores of the partial sums
                // (measured ~20 % faster per call; C2 keeps each pass vectorized)
                for (; d + 3 < dim; d += 4) {
                    float q0 = query[d], q1 = query[d + 1], q2 = query[d + 2], q3 = query[d + 3];
                    float[] s0 = slices[base + d], s1 = slices[base + d + 1];
                    float[] s2 = slices[base + d + 2], s3 = slices[base + d + 3];
                    for (int j = 0; j < BLOCK; j++) sums[j] += q0 * s0[j] + q1 * s1[j] + q2 * s2[j] + q3 * s3[j];
                }
                for (; d < dim; d++) {
                    float q = query[d];
                    float[] slice = slices[base + d];
                    for (int j = 0; j < BLOCK; j++) sums[j] += q * slice[j];
                }
                System.arraycopy(sums, 0, out, start, Math.min(BLOCK, n - start));
            }
            return out;
        }
    }

    private static String reuseKey(Embedder model, String text) {
        return model.modelId() + '\u0000' + text;
    }

    /** Builds the whole index; {@code embedder} null means lexical only. {@code reuse} maps text to known vectors. */
    public static ScriptIndex build(List<Script> scripts, Embedder embedder, Map<String, float[]> reuse) {
        try {
            return new ScriptIndex(scripts, embedder, reuse);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scripts as given, translations included. */
    public List<Script> sources() {
        return sources;
    }

    /** The script as given with this id, or null. */
    public Script source(String id) {
        Integer ord = ordById.get(id);
        return ord == null ? null : sources.get(sourceOrd[ord]);
    }

    /** The entries, one per script and language (a translation as a one-language script with the script's id). */
    public List<Script> scripts() {
        return scripts;
    }

    /** Entry {@code ord}. */
    public Script script(int ord) {
        return scripts.get(ord);
    }

    /** The first entry of a script (its own language). */
    public Integer ordinal(String id) {
        return ordById.get(id);
    }

    /** The entry of a script in one language, or null when it has none in that language. */
    public Integer ordinal(String id, String lang) {
        Integer first = ordById.get(id);
        if (first == null) return null;
        for (int e = first; e < scripts.size() && scripts.get(e).id().equals(id); e++) {
            if (scriptLang[e].equals(lang)) return e;
        }
        return null;
    }

    public boolean hasEmbeddings() {
        return !vectors.isEmpty();
    }

    /** Whether phrasings of this language have vectors. */
    public boolean hasEmbeddings(String lang) {
        return vectors.containsKey(lang);
    }

    public int phrasingCount() {
        return phrasings.script.length;
    }

    /** (model, text) → vector of every phrasing, so a republish only embeds what changed. */
    public Map<String, float[]> vectorsByText(String forModel) {
        Map<String, float[]> out = new HashMap<>();
        if (vectors.isEmpty() || !forModel.equals(modelId)) return out;
        for (LangVectors v : vectors.values()) {
            for (int i = 0; i < v.phrasing().length; i++) {
                out.put(v.model() + '\u0000' + embedTexts[v.phrasing()[i]], v.row(i));
            }
        }
        for (int s = 0; s < scripts.size(); s++) {
            LangVectors v = vectors.get(scriptLang[s]);
            if (v != null && answerVectors[s] != null && scripts.get(s).answer() != null) {
                out.put(v.model() + '\u0000' + TextNormalizer.forEmbedding(scripts.get(s).answer(),
                        !"en".equals(scriptLang[s])), answerVectors[s]);
            }
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

    /**
     * {@link #vocabularyCoverage(QueryAnalysis)} as if the phrasings {@code out} leaves out were not in the base: a
     * term only they contain counts as unknown (else a left-out phrasing would always look fully known).
     */
    public double vocabularyCoverage(QueryAnalysis q, LeaveOut out) {
        if (out.from() < 0) return vocabularyCoverage(q);
        boolean en = "en".equals(q.lang());
        double total = q.words().totalWeight() + q.bigrams().totalWeight();
        if (total == 0) return 0;
        double known = q.words().knownWeight() + q.bigrams().knownWeight();
        known -= onlyInLeftOut(q.words().ids(), en ? enWords : zhWords, out, true);
        if (!en) known -= onlyInLeftOut(q.bigrams().ids(), zhBigrams, out, false);
        return Math.max(0, known) / total;
    }

    /** Weight of the query terms that occur in no phrasing outside {@code out}. */
    private double onlyInLeftOut(int[] ids, TermDictionary dict, LeaveOut out, boolean words) {
        double w = 0;
        for (int id : ids) {
            boolean elsewhere = false;
            for (int p = 0; p < phrasings.script.length && !elsewhere; p++) {
                if (out.excludes(p)) continue;
                int[] terms = words ? phrasings.words[p] : phrasings.bigrams[p];
                elsewhere = Arrays.binarySearch(terms, id) >= 0 && (dict == zhBigrams || sameDictionary(p, dict));
            }
            if (!elsewhere) w += dict.weight(id);
        }
        return w;
    }

    private boolean sameDictionary(int p, TermDictionary dict) {
        boolean en = "en".equals(scriptLang[phrasings.script[p]]);
        return (dict == enWords) == en;
    }

    /**
     * Scripts whose phrasings share terms with the message, best BM25 hit first, at most {@code max}. The Lucene
     * query is kept small, because its cost grows with the postings of every clause: only terms the index knows,
     * the {@value #MAX_WORD_CLAUSES} rarest words, and bigrams only when the words are weak (few, or much of the
     * message unknown as words: SmartCN mis-segmented a typo or colloquial form). The candidates are then re-scored
     * on words and bigrams alike by {@link #scoreLexical}.
     */
    public List<Evidence> lexicalCandidates(QueryAnalysis q, int max) {
        return lexicalCandidates(q, max, LeaveOut.NONE);
    }

    /** {@link #lexicalCandidates(QueryAnalysis, int)} without the phrasings {@code out} leaves out. */
    public List<Evidence> lexicalCandidates(QueryAnalysis q, int max, LeaveOut out) {
        boolean en = "en".equals(q.lang());
        TermDictionary wd = en ? enWords : zhWords;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int words = addClauses(b, en ? ShopAnalyzers.EN_WORDS : ShopAnalyzers.ZH_WORDS, q.words(), wd, MAX_WORD_CLAUSES, 1f);
        int clauses = words;
        if (!en) {
            float total = q.words().totalWeight();
            boolean weak = words < 2 || total == 0 || q.words().knownWeight() < WEAK_WORDS * total;
            if (weak) clauses += addClauses(b, ShopAnalyzers.ZH_BIGRAMS, q.bigrams(), zhBigrams, MAX_BIGRAM_CLAUSES, 0.5f);
        }
        if (clauses == 0) return new ArrayList<>();
        ScoreDoc[] hits;
        try {
            // one extra hit in case a left-out script is among them; a small top-n also lets MaxScore skip more
            int top = max + 1;
            hits = searcher.search(b.build(), new TopScoreDocCollectorManager(top, top)).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Evidence> found = new ArrayList<>(Math.min(max, hits.length));
        for (ScoreDoc hit : hits) {
            int script = docToScript[hit.doc];
            // a script with every phrasing left out is not in the base; one left-out phrasing is re-scored away below
            if (out.from() <= phrasingStart[script] && out.to() >= phrasingEnd[script]) continue;
            Evidence e = new Evidence(script);
            scoreLexical(e, q, out);
            found.add(e);
            if (found.size() >= max) break;
        }
        return found;
    }

    private static final int MAX_WORD_CLAUSES = 10;
    private static final int MAX_BIGRAM_CLAUSES = 8;
    private static final float WEAK_WORDS = 0.6f;

    /** Adds the {@code cap} highest-IDF known terms as SHOULD clauses; returns how many. */
    private static int addClauses(BooleanQuery.Builder b, String field, TermDictionary.QueryTerms terms,
                                  TermDictionary dict, int cap, float boost) {
        int[] ids = terms.ids();
        if (ids.length == 0) return 0;
        int[] chosen = ids;
        if (ids.length > cap) {
            Integer[] boxed = new Integer[ids.length];
            for (int i = 0; i < ids.length; i++) boxed[i] = ids[i];
            Arrays.sort(boxed, (x, y) -> Float.compare(dict.weight(y), dict.weight(x)));
            chosen = new int[cap];
            for (int i = 0; i < cap; i++) chosen[i] = boxed[i];
        }
        for (int id : chosen) {
            Query tq = new TermQuery(new Term(field, dict.term(id)));
            b.add(boost == 1f ? tq : new BoostQuery(tq, boost), BooleanClause.Occur.SHOULD);
        }
        return chosen.length;
    }

    /** Fills the lexical fields of {@code e} from the best-matching phrasing of its script. */
    public void scoreLexical(Evidence e, QueryAnalysis q) {
        scoreLexical(e, q, LeaveOut.NONE);
    }

    /** {@link #scoreLexical(Evidence, QueryAnalysis)} over the phrasings {@code out} keeps. */
    public void scoreLexical(Evidence e, QueryAnalysis q, LeaveOut out) {
        boolean en = "en".equals(scriptLang[e.script]);
        TermDictionary wd = en ? enWords : zhWords;
        float qw = q.words().totalWeight();
        float qb = q.bigrams().totalWeight();
        double best = -1;
        for (int p = phrasingStart[e.script]; p < phrasingEnd[e.script]; p++) {
            if (out.excludes(p)) continue;
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

    /**
     * Semantic evidence for one message: per-script best cosine over its phrasings, cosine to the script's
     * centroid, nearest-phrasing votes, and the mean of the per-script bests (the message's baseline).
     */
    public record SemanticScores(double[] best, double[] top2, double[] centroid, double[] answer, double[] votes,
                                 double mean) {
    }

    public static final int VOTERS = 5;

    /** Cosine of the message's vector to every phrasing of the language, summarised per script. */
    /**
     * {@code query · v[off, off + dim)}: four running sums instead of one, so the additions do not wait on each other
     * (one sum makes every addition wait for the previous; this loop runs for every phrasing of every embedded message).
     */
    static double dot(float[] query, float[] v, int off, int dim) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int d = 0;
        for (; d + 3 < dim; d += 4) {
            s0 += query[d] * v[off + d];
            s1 += query[d + 1] * v[off + d + 1];
            s2 += query[d + 2] * v[off + d + 2];
            s3 += query[d + 3] * v[off + d + 3];
        }
        for (; d < dim; d++) s0 += query[d] * v[off + d];
        return (s0 + s1) + (s2 + s3);
    }

    public SemanticScores semanticScores(float[] query, String lang) {
        return semanticScores(query, lang, LeaveOut.NONE);
    }

    /**
     * {@link #semanticScores(float[], String)} over the phrasings {@code out} keeps. {@code top2} is the mean of a
     * script's two closest phrasings: with ~10 phrasings per script one odd phrasing close to the message should not
     * decide alone (on leave-one-out over the English few-shot base it ranks clearly better than the best cosine).
     */
    public SemanticScores semanticScores(float[] query, String lang, LeaveOut out) {
        double[] best = new double[scripts.size()];
        double[] second = new double[scripts.size()];
        double[] top2 = new double[scripts.size()];
        double[] centroid = new double[scripts.size()];
        double[] answer = new double[scripts.size()];
        double[] votes = new double[scripts.size()];
        Arrays.fill(best, Double.NaN);
        Arrays.fill(second, Double.NaN);
        LangVectors lv = vectors.get(lang);
        if (lv == null || query == null || query.length != lv.dim()) {
            return new SemanticScores(best, top2, centroid, answer, votes, 0);
        }
        int dim = lv.dim();
        float[] sims = lv.dots(query);
        int[] phr = lv.phrasing();
        // the VOTERS nearest phrasings, kept in a tiny insertion-sorted array
        double[] topSim = new double[VOTERS];
        int[] topScript = new int[VOTERS];
        Arrays.fill(topSim, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < phr.length; i++) {
            if (out.excludes(phr[i])) continue;
            int s = phrasings.script[phr[i]];
            double dot = sims[i];
            if (Double.isNaN(best[s]) || dot > best[s]) {
                second[s] = best[s];
                best[s] = dot;
            } else if (Double.isNaN(second[s]) || dot > second[s]) second[s] = dot;
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
        for (int s = 0; s < best.length; s++) {
            if (Double.isNaN(best[s])) continue;
            sum += best[s];
            count++;
            top2[s] = Double.isNaN(second[s]) ? best[s] : (best[s] + second[s]) / 2;
            float[] c = centroids[s];
            if (out.from() < phrasingEnd[s] && out.to() > phrasingStart[s]) {
                centroid[s] = centroidWithout(query, lv, s, out);
            } else if (c != null && c.length == dim) {
                double dot = dot(query, c, 0, dim);
                centroid[s] = dot;
            }
            float[] a = answerVectors[s];
            if (a != null && a.length == dim) {
                double dot = dot(query, a, 0, dim);
                answer[s] = dot;
            }
        }
        return new SemanticScores(best, top2, centroid, answer, votes, count == 0 ? 0 : sum / count);
    }

    /** Cosine of the query to the mean of script {@code s}'s phrasing vectors other than those left out. */
    private double centroidWithout(float[] query, LangVectors lv, int s, LeaveOut out) {
        int dim = lv.dim();
        float[] c = new float[dim];
        for (int i = 0; i < lv.phrasing().length; i++) {
            int p = lv.phrasing()[i];
            if (phrasings.script[p] != s || out.excludes(p)) continue;
            float[] row = lv.row(i);
            for (int d = 0; d < dim; d++) c[d] += row[d];
        }
        double norm = 0;
        double dot = 0;
        for (int d = 0; d < dim; d++) {
            norm += c[d] * c[d];
            dot += query[d] * c[d];
        }
        return norm == 0 ? 0 : dot / Math.sqrt(norm);
    }

    /** The script phrasing {@code p} belongs to. */
    public int scriptOfPhrasing(int p) {
        return phrasings.script[p];
    }

    /** Phrasing ordinals of script {@code s}: {@code [start, end)}. */
    public int phrasingStart(int s) {
        return phrasingStart[s];
    }

    public int phrasingEnd(int s) {
        return phrasingEnd[s];
    }

    /** The stored vector of phrasing {@code p} (null without embeddings for its language). */
    public float[] phrasingVector(int p) {
        LangVectors lv = vectors.get(scriptLang[phrasings.script[p]]);
        if (lv == null) return null;
        int i = Arrays.binarySearch(lv.phrasing(), p);
        return i < 0 ? null : lv.row(i);
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
