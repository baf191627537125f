package xiaoer.app.shop;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.engine.shop.ShopApiKeys;
import xiaoer.engine.shop.ShopPorts;
import xiaoer.engine.shop.ShopService;

import java.time.Clock;

/** Wires the shop's records: JDBC adapters for the engine's ports, and the {@link ShopService} facade. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShopProperties.class)
public class ShopConfiguration {

    @Bean
    ShopPorts shopPorts(JdbcTemplate jdbc, TransactionTemplate tx) {
        return jdbcPorts(jdbc, tx);
    }

    @Bean
    ShopService shopService(ShopPorts ports, ShopProperties properties, Clock clock) {
        return new ShopService(ports, properties.toRules(), clock);
    }

    @Bean
    ShopApiKeys shopApiKeys(JdbcTemplate jdbc) {
        return new JdbcShopApiKeys(jdbc);
    }

    /** Demo key and orders on start-up ({@code xiaoer.demo.enabled}, default true), through the service's validation. */
    @Bean
    @ConditionalOnProperty(name = "xiaoer.demo.enabled", havingValue = "true", matchIfMissing = true)
    ApplicationRunner shopDemoData(ShopService shop, ShopApiKeys keys, ShopPorts ports, ShopProperties properties,
                                   Clock clock) {
        return args -> new ShopDemoData(shop, keys, clock).ensure(properties.demoApiKey(), ports.orders().isEmpty());
    }

    /** The JDBC implementations of every port, also used by tests on a plain DataSource. */
    public static ShopPorts jdbcPorts(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new ShopPorts(new JdbcOrderRepository(jdbc, tx), new JdbcReturnRepository(jdbc, tx),
                new JdbcTicketRepository(jdbc, tx), new JdbcTicketNumberSequence(jdbc, tx),
                new JdbcIdentityGrants(jdbc, tx), new JdbcIdentifyFailures(jdbc));
    }
}
