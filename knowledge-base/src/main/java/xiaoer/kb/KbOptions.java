package xiaoer.kb;

import xiaoer.kb.semantic.LanguageEmbedders;
import xiaoer.kb.semantic.Embedder;

/**
 * How a knowledge base runs.
 *
 * @param embedder        the semantic model; {@code null} runs lexical only
 * @param thresholds      decision thresholds and fusion model
 * @param semanticThreads threads of the bounded embedding executor
 * @param semanticQueue   waiting messages beyond which a message falls back to the lexical path
 * @param cacheSize       recent identical messages whose vectors are kept
 * @param semanticTimeoutMs a message whose embedding takes longer falls back to the lexical path
 */
public record KbOptions(Embedder embedder, Thresholds thresholds, int semanticThreads, int semanticQueue,
                        int cacheSize, long semanticTimeoutMs) {

    /**
     * The real models (bge-small-zh for Chinese, bge-small-en-v1.5 for English, loaded lazily), the shipped
     * thresholds (per language), one embedding thread per core.
     */
    public static KbOptions defaults() {
        return new KbOptions(LanguageEmbedders.shared(), Thresholds.defaults(),
                Math.max(1, Runtime.getRuntime().availableProcessors()), 64, 2048, 1000);
    }

    public static KbOptions lexicalOnly() {
        return defaults().withEmbedder(null);
    }

    public KbOptions withEmbedder(Embedder e) {
        return new KbOptions(e, thresholds, semanticThreads, semanticQueue, cacheSize, semanticTimeoutMs);
    }

    public KbOptions withThresholds(Thresholds t) {
        return new KbOptions(embedder, t, semanticThreads, semanticQueue, cacheSize, semanticTimeoutMs);
    }

    public KbOptions withSemanticLimits(int threads, int queue, long timeoutMs) {
        return new KbOptions(embedder, thresholds, threads, queue, cacheSize, timeoutMs);
    }
}
