package xiaoer.app.config;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import xiaoer.app.demo.DemoAccounts;
import xiaoer.app.users.JdbcUserAccounts;

/** Console log-ins from the database, and the demo accounts on the embedded default. */
@Configuration(proxyBeanMethods = false)
public class AccountsConfiguration {

    @Bean
    JdbcUserAccounts userAccounts(JdbcTemplate jdbc) {
        return new JdbcUserAccounts(jdbc);
    }

    @Bean
    @ConditionalOnProperty(name = "xiaoer.demo.enabled", havingValue = "true")
    ApplicationRunner demoAccounts(JdbcTemplate jdbc, PasswordEncoder encoder) {
        return args -> new DemoAccounts(jdbc, encoder).ensure();
    }
}
