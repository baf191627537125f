package xiaoer.kb.semantic;

import java.util.List;

/** Turns texts into unit-length vectors whose dot product is their cosine similarity. Thread-safe. */
public interface Embedder {

    /** A stable name of the model, used to key caches of vectors. */
    String modelId();

    float[] embed(String text);

    /** Batched form, used at index build. */
    List<float[]> embedAll(List<String> texts);

    /**
     * The model to use for scripts and messages of one language ({@code "zh"}, {@code "en"}). A single-model
     * embedder serves every language; {@link LanguageEmbedders} routes each language to its own model.
     */
    default Embedder forLanguage(String lang) {
        return this;
    }
}
