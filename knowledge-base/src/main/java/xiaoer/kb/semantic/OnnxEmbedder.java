package xiaoer.kb.semantic;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/** Shared plumbing of the in-process langchain4j ONNX models: batching and unit-length vectors. */
abstract class OnnxEmbedder implements Embedder {

    private static final int BATCH = 64;

    private final EmbeddingModel model;

    OnnxEmbedder(EmbeddingModel model) {
        this.model = model;
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

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        norm = Math.sqrt(norm);
        if (norm == 0) return v;
        for (int i = 0; i < v.length; i++) v[i] /= (float) norm;
        return v;
    }
}
