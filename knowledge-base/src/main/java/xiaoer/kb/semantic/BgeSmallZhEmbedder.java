package xiaoer.kb.semantic;

import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * bge-small-zh-v1.5 (quantized ONNX, shipped inside its Maven artifact: no download) run in-process by
 * langchain4j. The model is loaded once per JVM and shared: it is thread-safe and ~100 MB. Used for Chinese.
 */
public final class BgeSmallZhEmbedder extends OnnxEmbedder {

    private static volatile BgeSmallZhEmbedder shared;

    private BgeSmallZhEmbedder() {
        super(new BgeSmallZhV15QuantizedEmbeddingModel());
    }

    /** The JVM-wide instance (loading the model takes about a second). */
    public static BgeSmallZhEmbedder shared() {
        BgeSmallZhEmbedder s = shared;
        if (s == null) {
            synchronized (BgeSmallZhEmbedder.class) {
                s = shared;
                if (s == null) shared = s = new BgeSmallZhEmbedder();
            }
        }
        return s;
    }

    @Override
    public String modelId() {
        return "bge-small-zh-v1.5-q";
    }
}
