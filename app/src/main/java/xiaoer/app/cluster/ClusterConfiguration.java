package xiaoer.app.cluster;

import com.corundumstudio.socketio.store.RedissonStoreFactory;
import com.corundumstudio.socketio.store.StoreFactory;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.EqualJitterDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import xiaoer.app.routing.RoutingConfiguration;
import xiaoer.app.routing.RoutingTickGate;
import xiaoer.engine.chat.EventBus;
import xiaoer.engine.chat.VisitorLocks;
import xiaoer.engine.training.ReleaseListener;
import xiaoer.engine.training.TrainingWorkspace;
import xiaoer.kb.KnowledgeBase;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Cluster mode ({@code xiaoer.cluster.enabled=true}, profile {@code cluster}): the nodes share one PostgreSQL
 * ({@code spring.datasource.*}) and one Redis ({@code xiaoer.cluster.redis-url}). Through Redis (Redisson): the event
 * bus between nodes, the per-visitor lock for opening conversations, node presence, and routing's state (the queue,
 * owners, loads, seats, silence clocks, hand-over notes: {@link RedisRoutingState}) with a lease so one node runs the
 * routing pass, and the agents' live console sessions ({@link RedisConsoleSessions}); through Spring Session on
 * Redis (Jedis): the console log-in sessions ({@link ClusterSessionConfiguration}). Everything else that must be
 * consistent lives in PostgreSQL: messages and their per-visitor seq (row lock), conversation status changes
 * (compare-and-set, so no conversation is assigned twice), ticket numbers (a sequence row), clientMsgId
 * de-duplication (unique index).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "xiaoer.cluster.enabled", havingValue = "true")
public class ClusterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClusterConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(@Value("${xiaoer.cluster.redis-url}") String redisUrl,
                            @Value("${xiaoer.cluster.redis-password:}") String password) {
        Config config = new Config();
        // short retries per command: the event bus retries on its own lanes, callers must not hang on a dead Redis
        config.useSingleServer().setAddress(redisUrl)
                .setPassword(password == null || password.isBlank() ? null : password)
                .setConnectTimeout(2_000).setTimeout(2_000).setRetryAttempts(2)
                .setRetryDelay(new EqualJitterDelay(Duration.ofMillis(100), Duration.ofMillis(500)))
                .setPingConnectionInterval(5_000).setKeepAlive(true);
        return Redisson.create(config);
    }

    /** This node's id in the cluster: {@code xiaoer.cluster.node-id}, or host name plus a random suffix. */
    @Bean
    ClusterNode clusterNode(@Value("${xiaoer.cluster.node-id:}") String configured,
                            @Value("${server.port:8080}") int httpPort,
                            @Value("${xiaoer.widget.port:9092}") int widgetPort) {
        String id = configured;
        if (id == null || id.isBlank()) {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "node";
            }
            id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        }
        log.info("cluster mode: this node is {}", id);
        return new ClusterNode(id, "http " + httpPort + ", widget " + widgetPort);
    }

    @Bean(destroyMethod = "close")
    EventBus eventBus(RedissonClient redisson, ClusterNode node, ClusterPresence presence) {
        return new RedisEventBus(redisson, "xiaoer:events", node.id(), presence::liveNodeCount);
    }

    @Bean
    VisitorLocks visitorLocks(RedissonClient redisson) {
        return new RedissonVisitorLocks(redisson, 5_000, 30_000);
    }

    @Bean(destroyMethod = "close")
    ClusterPresence cluster(RedissonClient redisson, ClusterNode node,
                            @Value("${xiaoer.cluster.heartbeat:3s}") Duration heartbeat,
                            @Value("${xiaoer.cluster.node-ttl:10s}") Duration ttl) {
        return new ClusterPresence(redisson, node.id(), node.info(), heartbeat, ttl);
    }

    /**
     * netty-socketio's Redisson store, only when {@code xiaoer.cluster.widget-store=redisson}. Off by default: the
     * widget server keeps its sessions per node and delivers from the cluster bus (never by room broadcast, so there
     * is no double delivery either way), nginx pins a client's polling requests to one node, and the store's Redis
     * calls run on Netty's event loop (room joins, session maps), which would stall the widget port while Redis is
     * down.
     */
    @Bean
    @ConditionalOnProperty(name = "xiaoer.cluster.widget-store", havingValue = "redisson")
    StoreFactory widgetStoreFactory(RedissonClient redisson) {
        return new RedissonStoreFactory(redisson);
    }

    /** The router's queue, owners, loads, seats and clocks in Redis: every node routes on the same state. */
    @Bean
    RoutingConfiguration.SharedRoutingState sharedRoutingState(RedissonClient redisson) {
        return new RoutingConfiguration.SharedRoutingState(RedisRoutingState.create(redisson, "xiaoer:routing"));
    }

    /** Agents' console sessions per node in Redis; a node that leaves takes its sessions with it. */
    @Bean
    RoutingConfiguration.SharedConsoleSessions sharedConsoleSessions(RedissonClient redisson, ClusterNode node,
                                                                     ClusterPresence presence, Clock clock) {
        RedisConsoleSessions sessions = new RedisConsoleSessions(redisson, "xiaoer:console", node.id(),
                presence::nodeIds, clock);
        presence.onNodeLeft(sessions::nodeLeft);
        presence.onBeat(sessions::republish);
        return new RoutingConfiguration.SharedConsoleSessions(sessions);
    }

    /** One node at a time runs the routing pass; the lease outlives three missed ticks before another takes over. */
    @Bean
    RoutingTickGate routingTickGate(RedissonClient redisson, ClusterNode node,
                                    @Value("${xiaoer.routing.tick:5s}") Duration tick) {
        return new RoutingTickLease(redisson, "xiaoer:routing:tick-lease", node.id(), tick.multipliedBy(3));
    }

    /** This node: its id and a short description for the node list. */
    public record ClusterNode(String id, String info) {
    }

    /** A trainer's release goes live on every node, not only the one that published it. */
    @Bean
    ReleaseListener clusterReleaseSync(RedissonClient redisson, TrainingWorkspace.Ports training, KnowledgeBase kb) {
        ScheduledExecutorService loader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "xiaoer-release-sync");
            t.setDaemon(true);
            return t;
        });
        return new ClusterReleaseSync(redisson, training.releases(), kb, loader);
    }
}
