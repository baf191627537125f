package xiaoer.console.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.socket.EnableWebSocketSecurity;
import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;

/**
 * Who may do what over STOMP. The user comes from the HTTP session of the handshake; the CONNECT frame must carry
 * the CSRF token (Spring Security's default for {@code @EnableWebSocketSecurity}) so another site cannot open a
 * console connection with the agent's cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketSecurity
public class WebSocketSecurityConfiguration {

    @Bean
    AuthorizationManager<Message<?>> messageAuthorizationManager(
            MessageMatcherDelegatingAuthorizationManager.Builder messages) {
        return messages
                .simpTypeMatchers(SimpMessageType.CONNECT, SimpMessageType.HEARTBEAT, SimpMessageType.UNSUBSCRIBE,
                        SimpMessageType.DISCONNECT).authenticated()
                .simpSubscribeDestMatchers("/topic/lead", "/topic/lead/**").hasAnyRole(Roles.LEAD, Roles.ADMIN)
                .simpSubscribeDestMatchers("/topic/console/**").hasAnyRole(Roles.CONSOLE)
                .simpSubscribeDestMatchers("/user/queue/**").authenticated()
                .simpDestMatchers("/app/console/**").hasAnyRole(Roles.CONSOLE)
                .anyMessage().denyAll()
                .build();
    }
}
