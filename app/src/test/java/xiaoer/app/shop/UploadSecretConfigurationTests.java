package xiaoer.app.shop;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;
import xiaoer.channels.widget.WidgetServer;
import xiaoer.console.shop.DamageProperties;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The photo-upload token secret: optional on one node, required in cluster mode (tokens cross nodes). */
class UploadSecretConfigurationTests {

    private final ShopConfiguration configuration = new ShopConfiguration();

    private static DamageProperties secret(String tokenSecret) {
        return new DamageProperties(DataSize.ofMegabytes(5), 10, Duration.ofMinutes(10), tokenSecret, List.of(),
                List.of("AGENT", "LEAD"), Set.of("LEAD", "ADMIN"));
    }

    @Test
    void aClusterNodeWithoutTheSecretRefusesToStartAndSaysWhichSettingIsMissing() {
        MockEnvironment cluster = new MockEnvironment();
        cluster.setActiveProfiles("cluster");
        assertThatThrownBy(() -> configuration.damageDesk(null, null, secret(" "), Clock.systemUTC(),
                new DefaultListableBeanFactory().getBeanProvider(WidgetServer.class), cluster))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("XIAOER_SHOP_DAMAGE_TOKENSECRET");
    }

    @Test
    void oneNodeWithoutTheSecretAndAClusterNodeWithItStart() {
        MockEnvironment cluster = new MockEnvironment();
        cluster.setActiveProfiles("cluster");
        assertThat(configuration.damageDesk(null, null, secret(null), Clock.systemUTC(),
                new DefaultListableBeanFactory().getBeanProvider(WidgetServer.class), new MockEnvironment())).isNotNull();
        assertThat(configuration.damageDesk(null, null, secret("a-long-shared-secret"), Clock.systemUTC(),
                new DefaultListableBeanFactory().getBeanProvider(WidgetServer.class), cluster)).isNotNull();
    }
}
