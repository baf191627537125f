package xiaoer.app.cluster;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;

import java.net.URI;
import java.time.Duration;

/**
 * Console log-in sessions in Redis (Spring Session, Spring Data Redis with the Jedis driver), so an agent's log-in is
 * valid on every node. Cluster mode only: the embedded default keeps sessions in memory and needs no Redis. The
 * session cookie is then {@code SESSION} instead of {@code JSESSIONID}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "xiaoer.cluster.enabled", havingValue = "true")
@EnableRedisHttpSession(redisNamespace = "xiaoer:sessions", maxInactiveIntervalInSeconds = 8 * 3600)
public class ClusterSessionConfiguration {

    @Bean
    JedisConnectionFactory redisConnectionFactory(@Value("${xiaoer.cluster.redis-url}") String redisUrl,
                                                  @Value("${xiaoer.cluster.redis-password:}") String password) {
        URI uri = URI.create(redisUrl);
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(),
                uri.getPort() > 0 ? uri.getPort() : 6379);
        if (password != null && !password.isBlank()) server.setPassword(RedisPassword.of(password));
        JedisClientConfiguration.JedisClientConfigurationBuilder client = JedisClientConfiguration.builder()
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(2));
        if ("rediss".equals(uri.getScheme())) client.useSsl();
        return new JedisConnectionFactory(server, client.usePooling().build());
    }
}
