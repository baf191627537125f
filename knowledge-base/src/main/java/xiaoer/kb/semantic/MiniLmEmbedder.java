package xiaoer.kb.semantic;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions, shipped inside its Maven artifact: no download) run in-process
 * by langchain4j. An English sentence model: used for English scripts and messages. Loaded once per JVM.
 */
public final class MiniLmEmbedder extends OnnxEmbedder {

    private static volatile MiniLmEmbedder shared;

    private MiniLmEmbedder() {
        super(new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    /** The JVM-wide instance. */
    public static MiniLmEmbedder shared() {
        MiniLmEmbedder s = shared;
        if (s == null) {
            synchronized (MiniLmEmbedder.class) {
                s = shared;
                if (s == null) shared = s = new MiniLmEmbedder();
            }
        }
        return s;
    }

    @Override
    public String modelId() {
        return "all-minilm-l6-v2-q";
    }
}
