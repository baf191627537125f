package xiaoer.kb;

/**
 * Counters since the base was created.
 *
 * @param queries           messages matched
 * @param lexicalSure       answered on the lexical step alone (semantic skipped because lexical was sure)
 * @param semanticRuns      messages whose semantic step ran (model or cache)
 * @param cacheHits         semantic steps served from the cache of recent identical messages
 * @param overloadFallbacks semantic steps skipped because the executor was full or too slow (lexical fallback)
 * @param publishes         successful publishes
 */
public record KbMetrics(long queries, long lexicalSure, long semanticRuns, long cacheHits, long overloadFallbacks,
                        long publishes) {

    /** Share of messages that needed the semantic step. */
    public double semanticShare() {
        return queries == 0 ? 0 : semanticRuns / (double) queries;
    }
}
