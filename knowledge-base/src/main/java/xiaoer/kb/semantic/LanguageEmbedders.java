package xiaoer.kb.semantic;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One embedding model per language, chosen by the language of the script or message: Chinese → bge-small-zh,
 * English → bge-small-en-v1.5. Models load lazily, so a Chinese-only base never loads the English one. As a plain
 * {@link Embedder} (no language given) it behaves as the Chinese model.
 */
public final class LanguageEmbedders implements Embedder {

    private static volatile LanguageEmbedders shared;

    private final String fallbackLang;
    private final Map<String, Supplier<? extends Embedder>> byLang;
    private final String modelId;

    public LanguageEmbedders(String fallbackLang, Map<String, Supplier<? extends Embedder>> byLang) {
        if (!byLang.containsKey(fallbackLang)) throw new IllegalArgumentException("no model for " + fallbackLang);
        this.fallbackLang = fallbackLang;
        this.byLang = Map.copyOf(byLang);
        StringBuilder id = new StringBuilder("per-language");
        for (String lang : new TreeMap<>(byLang).keySet()) id.append(':').append(lang);
        this.modelId = id.toString();
    }

    /** zh → {@link BgeSmallZhEmbedder}, en → {@link BgeSmallEnEmbedder}; the JVM-wide instance. */
    public static LanguageEmbedders shared() {
        LanguageEmbedders s = shared;
        if (s == null) {
            synchronized (LanguageEmbedders.class) {
                s = shared;
                if (s == null) {
                    shared = s = new LanguageEmbedders("zh", Map.of("zh", BgeSmallZhEmbedder::shared,
                            "en", BgeSmallEnEmbedder::shared));
                }
            }
        }
        return s;
    }

    @Override
    public Embedder forLanguage(String lang) {
        Supplier<? extends Embedder> s = byLang.get(lang);
        return (s == null ? byLang.get(fallbackLang) : s).get();
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public float[] embed(String text) {
        return forLanguage(fallbackLang).embed(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return forLanguage(fallbackLang).embedAll(texts);
    }
}
