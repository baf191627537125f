package xiaoer.app.shop;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import xiaoer.channels.widget.WidgetServer;
import xiaoer.console.shop.DamageProperties;
import xiaoer.engine.shop.ShopApiKeys;
import xiaoer.engine.shop.damage.DamageDesk;
import xiaoer.engine.shop.damage.UploadTokens;
import xiaoer.engine.shop.ShopPorts;
import xiaoer.engine.shop.ShopService;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Wires the shop's records: JDBC adapters for the engine's ports, and the {@link ShopService} facade. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShopProperties.class)
public class ShopConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ShopConfiguration.class);

    @Bean
    ShopPorts shopPorts(JdbcTemplate jdbc, TransactionTemplate tx) {
        return jdbcPorts(jdbc, tx);
    }

    @Bean
    ShopService shopService(ShopPorts ports, ShopProperties properties, Clock clock) {
        return new ShopService(ports, properties.toRules(), clock);
    }

    /** Photos and damage reports (domain.md §8); the widget server issues upload tokens through it. */
    @Bean
    DamageDesk damageDesk(JdbcTemplate jdbc, TransactionTemplate tx, DamageProperties properties, Clock clock,
                          ObjectProvider<WidgetServer> widgetServer, Environment environment) {
        UploadTokens tokens;
        if (properties.tokenSecret() == null || properties.tokenSecret().isBlank()) {
            if (environment.matchesProfiles("cluster")) {
                // a token issued by one node must be accepted by the others, so a per-node random secret won't do
                throw new IllegalStateException("xiaoer.shop.damage.token-secret (XIAOER_SHOP_DAMAGE_TOKENSECRET) must "
                        + "be set in cluster mode: every node must sign photo-upload tokens with the same secret");
            }
            log.info("xiaoer.shop.damage.token-secret is not set: upload tokens use a random secret (single node only)");
            tokens = UploadTokens.random();
        } else {
            tokens = new UploadTokens(properties.tokenSecret().getBytes(StandardCharsets.UTF_8));
        }
        DamageDesk desk = new DamageDesk(new JdbcAttachmentStore(jdbc), new JdbcDamageReportRepository(jdbc, tx), tokens,
                properties.uploadRules(), properties.damageRules(), clock);
        widgetServer.ifAvailable(w -> w.enableUploads(desk));
        return desk;
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
