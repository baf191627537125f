package xiaoer.kb;

/** One builtin knowledge base with the REAL embedding model per test JVM: loading the model takes a second or two. */
final class SharedKb {

    private static volatile KnowledgeBase builtin;

    private SharedKb() {
    }

    static KnowledgeBase builtin() {
        KnowledgeBase kb = builtin;
        if (kb == null) {
            synchronized (SharedKb.class) {
                kb = builtin;
                if (kb == null) builtin = kb = KnowledgeBase.create(KnowledgeBase.builtinScripts());
            }
        }
        return kb;
    }
}
