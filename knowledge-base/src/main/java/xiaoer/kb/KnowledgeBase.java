package xiaoer.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import xiaoer.kb.analysis.LanguageDetector;
import xiaoer.kb.analysis.ShopAnalyzers;
import xiaoer.kb.analysis.TextNormalizer;
import xiaoer.kb.index.Evidence;
import xiaoer.kb.index.LeaveOut;
import xiaoer.kb.index.QueryAnalysis;
import xiaoer.kb.index.ScriptIndex;
import xiaoer.kb.io.ScriptFiles;
import xiaoer.kb.io.ScriptValidator;
import xiaoer.kb.semantic.SemanticStage;

/**
 * The live knowledge base: matches shopper messages to scripts. Publishing swaps in a fully built index
 * atomically, so no request ever sees a half-built one.
 * <p>
 * A message goes: normalize (width, 繁→简, number placeholders) → lexical candidates (Lucene BM25 over words and
 * bigrams, re-scored by a normalized similarity) → if the lexical step is not sure, semantic similarity of the
 * message's embedding to every phrasing (bounded executor, LRU cache, lexical fallback under overload) → one
 * fused confidence per candidate → answer / suggest / hand off.
 */
public final class KnowledgeBase {

    public static final String BUILTIN_RESOURCE = "/xiaoer/kb/starter-kb.jsonl";
    private static final int LEXICAL_CANDIDATES = 20;
    private static final int SEMANTIC_CANDIDATES = 10;

    private final KbOptions options;
    private final SemanticStage semantic;
    private final Object publishLock = new Object();
    private volatile ScriptIndex index;
    /** Decision thresholds and fusion model per message language (models differ, so calibrations differ). */
    private final Map<String, Thresholds> thresholds = new java.util.concurrent.ConcurrentHashMap<>();

    private final AtomicLong queries = new AtomicLong();
    private final AtomicLong lexicalSure = new AtomicLong();
    private final AtomicLong semanticRuns = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicLong publishes = new AtomicLong();

    private KnowledgeBase(List<Script> scripts, KbOptions options) {
        this.options = options;
        Thresholds given = options.thresholds();
        boolean shipped = given == Thresholds.defaults();
        for (String l : ScriptValidator.LANGS) thresholds.put(l, shipped ? Thresholds.defaults(l) : given);
        this.semantic = options.embedder() == null ? null : new SemanticStage(options.embedder(),
                options.semanticThreads(), options.semanticQueue(), options.cacheSize(), options.semanticTimeoutMs());
        ScriptValidator.check("scripts", scripts, null);
        this.index = ScriptIndex.build(scripts, options.embedder(), null);
    }

    /** Builds the base from scripts (analysis, Lucene index, embeddings computed once here). */
    public static KnowledgeBase create(List<Script> scripts) {
        return create(scripts, KbOptions.defaults());
    }

    /** Builds the base with explicit options (embedder, thresholds, executor limits). */
    public static KnowledgeBase create(List<Script> scripts, KbOptions options) {
        return new KnowledgeBase(scripts, options);
    }

    /** The starter scripts every install ships with (ids in starter-kb-ids.md). */
    public static List<Script> builtinScripts() {
        return ScriptFiles.readResource(BUILTIN_RESOURCE);
    }

    /** Matches one message; {@code lang} may be null (detected). Never throws on odd input. */
    public Retrieval retrieve(String text, String lang) {
        queries.incrementAndGet();
        try {
            ScriptIndex idx = index;
            Match m = gather(idx, text, lang, false, LeaveOut.NONE, null);
            return Decider.decide(m, thresholds(m.lang()), ord -> idx.script(ord).id());
        } catch (RuntimeException e) {
            // A message must never break the conversation: nothing matched means a person takes over.
            return new Retrieval(Decision.HANDOFF, 0, List.of(), List.of(), false, lang);
        }
    }

    /**
     * The evidence for one message, before any decision. {@code forceSemantic} runs the semantic step even when
     * the lexical step is sure (the tuner wants full features for every message).
     */
    public Match match(String text, String lang, boolean forceSemantic) {
        return gather(index, text, lang, forceSemantic, LeaveOut.NONE, null);
    }

    /**
     * Leave-one-out evidence for calibration: phrasing {@code asked} of the base asked as a message, with its stored
     * vector, against the base without the phrasings {@code out} leaves out (that phrasing alone, or its whole
     * script: then the right answer is a hand-off). Full features, as {@link #match} with {@code forceSemantic}.
     */
    public Match leaveOutMatch(int asked, LeaveOut out) {
        ScriptIndex idx = index;
        int s = idx.scriptOfPhrasing(asked);
        Script script = idx.script(s);
        String text = script.questions().get(asked - idx.phrasingStart(s));
        return gather(idx, text, idx.language(s), true, out, idx.phrasingVector(asked));
    }

    /** The scripts and phrasing ordinals of the live index (for leave-one-out calibration). */
    public ScriptIndex index() {
        return index;
    }

    private Match gather(ScriptIndex idx, String text, String lang, boolean forceSemantic, LeaveOut out,
                         float[] knownVector) {
        String raw = text == null ? "" : text;
        String language = lang != null && ScriptValidator.LANGS.contains(lang) ? lang : LanguageDetector.detect(raw, "zh");
        if (!idx.hasLanguage(language)) language = "en".equals(language) ? "zh" : "en";
        String normalized = TextNormalizer.forLexical(raw);
        QueryAnalysis q = idx.analyze(normalized, language);
        double vocabulary = idx.vocabularyCoverage(q, out);
        List<Evidence> lexical = idx.lexicalCandidates(q, LEXICAL_CANDIDATES, out);
        if (normalized.isBlank() || (q.wordTokens().isEmpty() && q.bigramTokens().isEmpty())) {
            return new Match(language, q.wordTokens(), lexical, vocabulary, false, false, 0);
        }
        Match lexicalOnly = new Match(language, q.wordTokens(), lexical, vocabulary, false, false, 0);
        if (!forceSemantic && isLexicalSure(lexicalOnly, thresholds(language))) {
            lexicalSure.incrementAndGet();
            return new Match(language, q.wordTokens(), lexical, vocabulary, false, true, 0);
        }
        if (semantic == null || !idx.hasEmbeddings(language)) return lexicalOnly;
        float[] vector = knownVector != null ? knownVector
                : semantic.embed(TextNormalizer.forEmbedding(raw, !"en".equals(language)), language);
        if (vector == null) {
            fallbacks.incrementAndGet();
            return lexicalOnly;
        }
        semanticRuns.incrementAndGet();
        ScriptIndex.SemanticScores semanticScores = idx.semanticScores(vector, language, out);
        double[] sims = semanticScores.best();
        Map<Integer, Evidence> byScript = new HashMap<>();
        for (Evidence e : lexical) byScript.put(e.script, e);
        // Add the semantically closest scripts the lexical step missed.
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < sims.length; s++) if (!Double.isNaN(sims[s])) order.add(s);
        order.sort((a, b) -> Double.compare(sims[b], sims[a]));
        for (int s : order.subList(0, Math.min(SEMANTIC_CANDIDATES, order.size()))) {
            byScript.computeIfAbsent(s, k -> {
                Evidence e = new Evidence(k);
                idx.scoreLexical(e, q, out);
                return e;
            });
        }
        for (Evidence e : byScript.values()) {
            e.semantic = Double.isNaN(sims[e.script]) ? 0 : sims[e.script];
            e.votes = semanticScores.votes()[e.script];
            e.top2 = semanticScores.top2()[e.script];
            e.centroid = semanticScores.centroid()[e.script];
            e.answer = semanticScores.answer()[e.script];
        }
        return new Match(language, q.wordTokens(), new ArrayList<>(byScript.values()), vocabulary, true, false,
                semanticScores.mean());
    }

    /**
     * Sure = the lexical-only model is confident enough that the embedding step cannot change the answer: its
     * confidence is at least {@code lexicalSure} (and the answer threshold), a level {@code --tune} chose so that
     * such answers were at least 99 % right on the tune set.
     */
    private static boolean isLexicalSure(Match lexicalOnly, Thresholds t) {
        if (lexicalOnly.evidence().isEmpty()) return false;
        List<Evidence> ranked = Decider.score(lexicalOnly, t.fusion());
        Evidence top = ranked.get(0);
        double second = ranked.size() > 1 ? ranked.get(1).confidence : 0;
        return top.confidence >= Math.max(t.lexicalSure(), t.answer()) && top.confidence - second >= t.margin();
    }

    /** The analyzer's tokens for a message (word field of its language), for the trainer's explain view. */
    public List<String> analyze(String text) {
        String raw = text == null ? "" : text;
        String language = LanguageDetector.detect(raw, "zh");
        return ShopAnalyzers.shared().tokens("en".equals(language) ? ShopAnalyzers.EN_WORDS : ShopAnalyzers.ZH_WORDS,
                TextNormalizer.forLexical(raw));
    }

    /** A script as published, with its translations (see {@link Script#in} for one language's view). */
    public Optional<Script> script(String id) {
        return Optional.ofNullable(index.source(id));
    }

    /**
     * A script as shoppers of {@code lang} see it ({@link Script#in}), taken from the index, which built every
     * language's view once: its own language where it has no translation to {@code lang} (or {@code lang} is null).
     */
    public Optional<Script> script(String id, String lang) {
        ScriptIndex idx = index;
        Integer entry = lang == null ? null : idx.ordinal(id, lang);
        if (entry == null) entry = idx.ordinal(id);
        return entry == null ? Optional.empty() : Optional.of(idx.script(entry));
    }

    /** The live scripts as published, with their translations. */
    public List<Script> scripts() {
        return index.sources();
    }

    /**
     * Replaces the live scripts; the new index is built fully before it is swapped in. Invalid scripts are refused
     * with {@link xiaoer.kb.io.ScriptFormatException} and the live index stays as it was.
     */
    public void publish(List<Script> scripts) {
        ScriptValidator.check("publish", scripts, null);
        synchronized (publishLock) {
            ScriptIndex current = index;
            Map<String, float[]> reuse = options.embedder() == null ? null
                    : current.vectorsByText(options.embedder().modelId());
            ScriptIndex next = ScriptIndex.build(scripts, options.embedder(), reuse);
            index = next;
            publishes.incrementAndGet();
        }
    }

    /** The thresholds for Chinese messages (the base's main language). */
    public Thresholds thresholds() {
        return thresholds("zh");
    }

    /** The thresholds for messages of one language ({@code "zh"}, {@code "en"}). */
    public Thresholds thresholds(String lang) {
        Thresholds t = thresholds.get(lang == null ? "zh" : lang);
        return t == null ? thresholds.get("zh") : t;
    }

    /** Swaps the decision thresholds of every language (e.g. after tuning) without rebuilding the index. */
    public void setThresholds(Thresholds t) {
        for (String l : List.copyOf(thresholds.keySet())) thresholds.put(l, t);
    }

    /** Swaps the decision thresholds of one language. */
    public void setThresholds(String lang, Thresholds t) {
        thresholds.put(lang, t);
    }

    public KbMetrics metrics() {
        return new KbMetrics(queries.get(), lexicalSure.get(), semanticRuns.get(),
                semantic == null ? 0 : semantic.cacheHitCount(), fallbacks.get(), publishes.get());
    }

    /** Stops the embedding threads. */
    public void close() {
        if (semantic != null) semantic.close();
    }
}
