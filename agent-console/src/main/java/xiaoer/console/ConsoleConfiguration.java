package xiaoer.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import xiaoer.console.security.ApiProperties;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** Beans the console needs that the app may or may not provide. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ApiProperties.class, ConsoleProperties.class})
public class ConsoleConfiguration {

    /** Without the app's directory every user is shown under their username. */
    @Bean
    @ConditionalOnMissingBean
    AgentDirectory usernameOnlyAgentDirectory() {
        return username -> Optional.of(new AgentProfile(username, username, Set.of()));
    }

    @Bean
    @ConditionalOnMissingBean
    Clock consoleClock() {
        return Clock.systemUTC();
    }
}
