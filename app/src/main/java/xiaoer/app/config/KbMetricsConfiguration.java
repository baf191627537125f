package xiaoer.app.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import xiaoer.kb.KbMetrics;
import xiaoer.kb.KnowledgeBase;

import java.util.function.ToDoubleFunction;

/**
 * The knowledge base's own counters ({@link KbMetrics}) on /actuator/prometheus: how many messages were matched, how
 * many the lexical step settled alone, how many needed the semantic (embedding) step, cache hits and overload
 * fallbacks. The benchmark reports the semantic step's share from them (docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
public class KbMetricsConfiguration {

    @Bean
    MeterBinder knowledgeBaseMetrics(KnowledgeBase kb) {
        return registry -> {
            counter(registry, kb, "xiaoer.kb.queries", "messages matched", KbMetrics::queries);
            counter(registry, kb, "xiaoer.kb.lexical.sure", "messages the lexical step settled alone", KbMetrics::lexicalSure);
            counter(registry, kb, "xiaoer.kb.semantic.runs", "messages that needed the semantic step", KbMetrics::semanticRuns);
            counter(registry, kb, "xiaoer.kb.cache.hits", "semantic steps served from the cache", KbMetrics::cacheHits);
            counter(registry, kb, "xiaoer.kb.overload.fallbacks", "semantic steps skipped: executor full or slow",
                    KbMetrics::overloadFallbacks);
        };
    }

    private static void counter(MeterRegistry registry, KnowledgeBase kb, String name, String description,
                                ToDoubleFunction<KbMetrics> value) {
        FunctionCounter.builder(name, kb, k -> value.applyAsDouble(k.metrics())).description(description)
                .register(registry);
    }
}
