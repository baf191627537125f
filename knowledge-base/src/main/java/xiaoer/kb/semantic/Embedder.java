package xiaoer.kb.semantic;

import java.util.List;

/** Turns texts into unit-length vectors whose dot product is their cosine similarity. Thread-safe. */
public interface Embedder {

    /** A stable name of the model, used to key caches of vectors. */
    String modelId();

    float[] embed(String text);

    /** Batched form, used at index build. */
    List<float[]> embedAll(List<String> texts);
}
