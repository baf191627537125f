package xiaoer.console.shop;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import xiaoer.engine.shop.ShopApiKeys;

/**
 * Security chains placed before the console's catch-all chain: {@code /api/shop/**} is a machine API authenticated
 * by {@link ShopApiKeyFilter} (stateless, no CSRF: no browser session is involved); the OpenAPI description and its
 * UI are public (they hold no data). {@code /api/console/shop/**} stays under the console's chain (agents' log-in,
 * CSRF).
 */
@Configuration(proxyBeanMethods = false)
public class ShopApiSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain shopApiSecurityFilterChain(HttpSecurity http, ShopApiKeys keys) throws Exception {
        // the filter is built here, not a @Bean, so Boot does not also register it for every URL
        http.securityMatcher("/api/shop/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ShopApiKeyFilter(keys), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("SHOP_API"));
        return http.build();
    }

    @Bean
    @Order(11)
    SecurityFilterChain apiDocsSecurityFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                        "/swagger-ui/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }
}
