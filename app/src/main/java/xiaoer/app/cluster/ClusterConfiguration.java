package xiaoer.app.cluster;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.EqualJitterDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import xiaoer.engine.chat.EventBus;

import java.time.Duration;

/**
 * Cluster mode ({@code xiaoer.cluster.enabled=true}): nodes share events through Redis. The database is chosen by
 * {@code spring.datasource.*} (PostgreSQL in a cluster).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "xiaoer.cluster.enabled", havingValue = "true")
public class ClusterConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(@Value("${xiaoer.cluster.redis-url}") String redisUrl) {
        Config config = new Config();
        // keep retrying through a Redis restart rather than failing the publisher
        config.useSingleServer().setAddress(redisUrl).setRetryAttempts(10)
                .setRetryDelay(new EqualJitterDelay(Duration.ofMillis(100), Duration.ofSeconds(2)));
        return Redisson.create(config);
    }

    @Bean
    EventBus eventBus(RedissonClient redisson) {
        return new RedisEventBus(redisson, "xiaoer:events");
    }
}
