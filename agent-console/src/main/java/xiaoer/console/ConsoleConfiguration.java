package xiaoer.console;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import xiaoer.console.security.ApiProperties;

/**
 * The console's settings. The app component-scans {@code xiaoer.console}; optional collaborators (a {@code Clock},
 * an {@link AgentDirectory}) are taken through {@code ObjectProvider}s rather than defaulted here, because
 * {@code @ConditionalOnMissingBean} is unreliable outside auto-configuration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ApiProperties.class, ConsoleProperties.class})
public class ConsoleConfiguration {
}
