package xiaoer.kb.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Term ids and script-level IDF weights for one field. Script-level (not phrasing-level) document frequency,
 * because a script's own key words repeat across its phrasings and must not look common because of that.
 */
final class TermDictionary {

    private final Map<String, Integer> ids = new HashMap<>();
    private final java.util.ArrayList<String> terms = new java.util.ArrayList<>();
    private float[] idf = new float[0];
    private int[] scriptDf = new int[1024];
    private int[] lastScript = new int[1024];
    private float unknownIdf;

    int idOrAdd(String term, int scriptOrd) {
        Integer id = ids.get(term);
        if (id == null) {
            id = ids.size();
            ids.put(term, id);
            terms.add(term);
            if (id >= scriptDf.length) {
                scriptDf = Arrays.copyOf(scriptDf, id * 2);
                lastScript = Arrays.copyOf(lastScript, id * 2);
            }
            lastScript[id] = -1;
        }
        if (lastScript[id] != scriptOrd) {
            lastScript[id] = scriptOrd;
            scriptDf[id]++;
        }
        return id;
    }

    void finish(int scriptCount) {
        idf = new float[ids.size()];
        for (int i = 0; i < idf.length; i++) idf[i] = (float) Math.log(1 + scriptCount / (double) scriptDf[i]);
        unknownIdf = (float) Math.log(1 + scriptCount / 0.5);
        scriptDf = null;
        lastScript = null;
    }

    /** -1 when the term is unknown. */
    int id(String term) {
        Integer id = ids.get(term);
        return id == null ? -1 : id;
    }

    String term(int id) {
        return terms.get(id);
    }

    int size() {
        return ids.size();
    }

    float weight(int id) {
        return id < 0 ? unknownIdf : idf[id];
    }

    /** Sorted unique ids of terms (unknown terms dropped) plus the weight of every unique term, known or not. */
    QueryTerms queryTerms(List<String> terms) {
        int[] tmp = new int[terms.size()];
        int n = 0;
        float total = 0;
        float known = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String t : terms) {
            if (!seen.add(t)) continue;
            int id = id(t);
            float w = weight(id);
            total += w;
            if (id >= 0) {
                tmp[n++] = id;
                known += w;
            }
        }
        int[] sorted = Arrays.copyOf(tmp, n);
        Arrays.sort(sorted);
        return new QueryTerms(sorted, total, known);
    }

    record QueryTerms(int[] ids, float totalWeight, float knownWeight) {
    }
}
