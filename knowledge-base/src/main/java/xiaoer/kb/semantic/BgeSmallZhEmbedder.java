package xiaoer.kb.semantic;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * bge-small-zh-v1.5 (quantized ONNX, shipped inside its Maven artifact: no download) run in-process by
 * langchain4j. The model is loaded once per JVM and shared: it is thread-safe and ~100 MB.
 */
public final class BgeSmallZhEmbedder implements Embedder {

    private static final int BATCH = 64;
    private static volatile BgeSmallZhEmbedder shared;

    private final EmbeddingModel model;

    private BgeSmallZhEmbedder() {
        this.model = new BgeSmallZhV15QuantizedEmbeddingModel();
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

    @Override
    public float[] embed(String text) {
        return unit(model.embed(text.isBlank() ? " " : text).content().vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = new ArrayList<>();
            for (String t : texts.subList(from, Math.min(texts.size(), from + BATCH))) {
                batch.add(TextSegment.from(t.isBlank() ? " " : t));
            }
            for (Embedding e : model.embedAll(batch).content()) out.add(unit(e.vector()));
        }
        return out;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        norm = Math.sqrt(norm);
        if (norm == 0) return v;
        for (int i = 0; i < v.length; i++) v[i] /= (float) norm;
        return v;
    }
}
