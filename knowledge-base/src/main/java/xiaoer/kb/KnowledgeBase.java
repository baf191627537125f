package xiaoer.kb;

import java.util.List;
import java.util.Optional;

/**
 * The live knowledge base: matches shopper messages to scripts. Publishing swaps in a fully built index
 * atomically, so no request ever sees a half-built one.
 * API SKELETON: implementation owned by the knowledge-base work (issue 4).
 */
public final class KnowledgeBase {

    /** Builds the base from scripts (analysis, Lucene index, embeddings computed once here). */
    public static KnowledgeBase create(List<Script> scripts) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The starter scripts every install ships with (ids in starter-kb-ids.md). */
    public static List<Script> builtinScripts() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Matches one message; {@code lang} may be null (detected). Never throws on odd input. */
    public Retrieval retrieve(String text, String lang) {
        throw new UnsupportedOperationException("not built yet");
    }

    public Optional<Script> script(String id) {
        throw new UnsupportedOperationException("not built yet");
    }

    public List<Script> scripts() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Replaces the live scripts; the new index is built fully before it is swapped in. */
    public void publish(List<Script> scripts) {
        throw new UnsupportedOperationException("not built yet");
    }
}
