package xiaoer.console.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The product's one HTTP security chain. Pages redirect anonymous visitors to {@code /login}; {@code /api/**} answers
 * 401/403 as JSON. CSRF is on everywhere except the two bot API calls, which change nothing and are meant for outside
 * tools. The session-backed token reaches the pages' scripts through {@code GET /api/me}.
 *
 * <p>{@code /actuator/prometheus} is public like health so a scraper needs no account; on a network where that
 * matters, keep the management port private or turn it off.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties(ConsoleWebProperties.class)
public class ConsoleSecurityConfiguration {

    static final String[] BOT_API = {"/api/bot/explain", "/api/lint"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, ApiProperties api, ConsoleWebProperties web)
            throws Exception {
        RequestMatcher apiCalls = PathPatternRequestMatcher.pathPattern("/api/**");
        if (!web.allowedOrigins().isEmpty()) http.cors(cors -> cors.configurationSource(apiCors(web)));
        http
            .authorizeHttpRequests(auth -> {
                auth.requestMatchers("/", "/index.html", "/widget/**", "/login", "/login/**", "/error",
                        "/favicon.ico", "/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll();
                botApi(auth, api.publicBotApi());
                // the lead's view (issue 7) before the console's wider patterns
                auth.requestMatchers("/console/lead", "/console/lead/**", "/lead/**", "/api/lead/**")
                        .hasAnyRole(Roles.LEAD, Roles.ADMIN);
                auth.requestMatchers("/console", "/console/**", "/api/console/**", "/ws/console", "/ws/console/**")
                        .hasAnyRole(Roles.CONSOLE);
                auth.requestMatchers("/trainer", "/trainer/**", "/api/trainer/**").hasAnyRole(Roles.TRAINING);
                auth.requestMatchers("/api/me").authenticated();
                // other modules' pages and APIs (shop integration with its own key check) decide for themselves
                auth.anyRequest().authenticated();
            })
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", false)
                    .failureUrl("/login?error").permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
            .csrf(csrf -> csrf.ignoringRequestMatchers(BOT_API).csrfTokenRequestHandler(new TamperTolerantCsrfHandler()))
            .exceptionHandling(ex -> ex
                    .authenticationEntryPoint(apiOrLoginPage(apiCalls))
                    .defaultAccessDeniedHandlerFor(JsonSecurityErrors.forbidden(), apiCalls))
            .headers(headers -> headers.addHeaderWriter(staffPagesPolicy()));
        return http.build();
    }

    /**
     * Spring Security's masked (XOR) CSRF tokens, except that a tampered token whose unmasked bytes are not UTF-8 counts
     * as a wrong token (403 "csrf") instead of escaping the filter as an IllegalArgumentException (a 500 with a stack
     * trace in the log; found by SecretsNotLoggedTest).
     */
    static final class TamperTolerantCsrfHandler implements CsrfTokenRequestHandler {
        private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
            delegate.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            try {
                return delegate.resolveCsrfTokenValue(request, token);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * CORS for {@code /api/**} from the configured origins only (none by default: without this, a cross-origin call
     * gets no CORS headers and the browser refuses it). Credentials are allowed, so list only origins you trust.
     */
    private static CorsConfigurationSource apiCors(ConsoleWebProperties web) {
        CorsConfiguration c = new CorsConfiguration();
        c.setAllowedOriginPatterns(web.allowedOrigins());
        c.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        c.setAllowedHeaders(List.of("Content-Type", "X-CSRF-TOKEN", "X-XSRF-TOKEN"));
        c.setAllowCredentials(true);
        c.setMaxAge(600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", c);
        return source;
    }

    /** API calls get a JSON 401 whatever their Accept header; everything else goes to the log-in page. */
    private static AuthenticationEntryPoint apiOrLoginPage(RequestMatcher apiCalls) {
        AuthenticationEntryPoint json = JsonSecurityErrors.unauthorized();
        AuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, e) -> {
            if (apiCalls.matches(request)) {
                json.commence(request, response, e);
            } else {
                loginPage.commence(request, response, e);
            }
        };
    }

    /** A strict content policy on our own pages only: the shop page's widget talks to another port. */
    private static HeaderWriter staffPagesPolicy() {
        RequestMatcher pages = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/console/**"),
                PathPatternRequestMatcher.pathPattern("/lead/**"),
                PathPatternRequestMatcher.pathPattern("/trainer/**"), PathPatternRequestMatcher.pathPattern("/login"));
        return new DelegatingRequestMatcherHeaderWriter(pages, new StaticHeadersWriter("Content-Security-Policy",
                "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; "
                        + "script-src 'self'; frame-ancestors 'self'"));
    }

    private static void botApi(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
                               boolean open) {
        if (open) {
            auth.requestMatchers(HttpMethod.POST, BOT_API).permitAll();
        } else {
            auth.requestMatchers(HttpMethod.POST, BOT_API).hasAnyRole(Roles.STAFF);
        }
    }
}
