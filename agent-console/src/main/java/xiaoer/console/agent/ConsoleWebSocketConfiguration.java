package xiaoer.console.agent;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import xiaoer.console.security.ConsoleWebProperties;

/**
 * STOMP over a plain WebSocket at {@code /ws/console} (no SockJS: every supported browser has WebSocket). Ordering
 * is preserved in both directions so one conversation's events reach a console in the order they were sent.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
@EnableConfigurationProperties(ConsoleWebProperties.class)
public class ConsoleWebSocketConfiguration implements WebSocketMessageBrokerConfigurer, DisposableBean {

    /** Heart-beats both ways every 10 s so a console notices a dead connection and reconnects. */
    private static final long HEARTBEAT_MS = 10_000;

    public static final String ENDPOINT = "/ws/console";

    private final ConsoleWebProperties web;

    public ConsoleWebSocketConfiguration(ConsoleWebProperties web) {
        this.web = web;
    }

    // not a bean: a second TaskScheduler bean would confuse the app's @Scheduled wiring
    private final ThreadPoolTaskScheduler heartbeats = heartbeatScheduler();

    private static ThreadPoolTaskScheduler heartbeatScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("console-heartbeat-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        return scheduler;
    }

    @Override
    public void destroy() {
        heartbeats.shutdown();
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // same-origin only (Spring's default when no allowed origins are set); else the configured origins
        var endpoint = registry.addEndpoint(ENDPOINT);
        if (!web.allowedOrigins().isEmpty()) endpoint.setAllowedOriginPatterns(web.allowedOrigins().toArray(String[]::new));
        registry.setPreserveReceiveOrder(true);
    }

    /** Bounds per console session: a huge frame, a slow reader or a silent socket closes that session only. */
    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit((int) web.stompMessageSizeLimit().toBytes())
                .setSendBufferSizeLimit((int) web.stompSendBufferSizeLimit().toBytes())
                .setSendTimeLimit((int) web.stompSendTimeLimit().toMillis())
                .setTimeToFirstMessage((int) web.stompTimeToFirstMessage().toMillis());
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic", "/queue")
                .setHeartbeatValue(new long[] {HEARTBEAT_MS, HEARTBEAT_MS})
                .setTaskScheduler(heartbeats);
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        registry.setPreservePublishOrder(true);
    }
}
