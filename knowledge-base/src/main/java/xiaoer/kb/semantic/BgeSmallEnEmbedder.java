package xiaoer.kb.semantic;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * bge-small-en-v1.5 (quantized ONNX, 384 dimensions, shipped inside its Maven artifact: no download) run in-process
 * by langchain4j. Used for English scripts and messages. Loaded once per JVM.
 * <p>
 * Messages are embedded like phrasings, without BGE's query instruction ("Represent this sentence for searching
 * relevant passages: "): matching a message to phrasings is question-to-question, and with the instruction both
 * leave-one-out ranking over the English few-shot base and cross-validated accuracy on its tune set were worse.
 */
public final class BgeSmallEnEmbedder extends OnnxEmbedder {

    private static volatile BgeSmallEnEmbedder shared;

    private BgeSmallEnEmbedder() {
        super(new BgeSmallEnV15QuantizedEmbeddingModel());
    }

    /** The JVM-wide instance. */
    public static BgeSmallEnEmbedder shared() {
        BgeSmallEnEmbedder s = shared;
        if (s == null) {
            synchronized (BgeSmallEnEmbedder.class) {
                s = shared;
                if (s == null) shared = s = new BgeSmallEnEmbedder();
            }
        }
        return s;
    }

    @Override
    public String modelId() {
        return "bge-small-en-v1.5-q";
    }
}
