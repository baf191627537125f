package xiaoer.console.shop;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.List;

/**
 * {@code /api/widget/uploads}: shoppers have no log-in, so the chain is open and CSRF-exempt, and the upload itself is
 * authenticated by the short-lived signed token the widget server issued for the visitor's conversation (checked in
 * {@link WidgetUploadController}). Cross-origin POSTs only from {@code xiaoer.shop.damage.allowed-origins}; none by
 * default (same origin).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DamageProperties.class)
public class WidgetUploadSecurityConfiguration {

    @Bean
    @Order(12)
    SecurityFilterChain widgetUploadSecurityFilterChain(HttpSecurity http, DamageProperties properties) throws Exception {
        UrlBasedCorsConfigurationSource cors = new UrlBasedCorsConfigurationSource();
        CorsConfiguration c = new CorsConfiguration();
        c.setAllowedOrigins(properties.allowedOrigins());
        c.setAllowedMethods(List.of("POST"));
        c.setAllowedHeaders(List.of("Content-Type", WidgetUploadController.TOKEN_HEADER));
        c.setAllowCredentials(false);
        c.setMaxAge(600L);
        cors.registerCorsConfiguration("/api/widget/uploads", c);
        http.securityMatcher("/api/widget/uploads")
                .csrf(csrf -> csrf.disable())
                .cors(x -> x.configurationSource(cors))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/widget/uploads").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/widget/uploads").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
