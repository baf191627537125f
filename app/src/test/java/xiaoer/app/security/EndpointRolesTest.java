package xiaoer.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every handler method of the running app ({@link RequestMappingHandlerMapping}) and every page, called anonymously
 * and as each role. Anonymous callers get 401 JSON (API) or a redirect to /login (pages) except on the documented
 * public endpoints; a role outside an endpoint's list gets 403; the roles in it pass the security chain. A mapping
 * this test does not know must still refuse anonymous callers, so a new unprotected endpoint fails the build.
 *
 * <p>Refused calls never reach a handler, so they are made for real; the allowed roles are checked through Spring
 * Security's {@link WebInvocationPrivilegeEvaluator} (plus real GETs), so no test POST publishes or reassigns
 * anything.
 */
class EndpointRolesTest extends SecurityTestBase {

    static final List<String> ROLES = List.of("AGENT", "LEAD", "TRAINER", "ADMIN");

    /** Who may call an endpoint. */
    enum Access {
        PUBLIC(Set.of()), API_KEY(Set.of()), UPLOAD_TOKEN(Set.of()), ANY_STAFF(Set.copyOf(ROLES)),
        CONSOLE(Set.of("AGENT", "LEAD", "ADMIN")), LEAD(Set.of("LEAD", "ADMIN")),
        TRAINING(Set.of("TRAINER", "LEAD", "ADMIN")), UNKNOWN(Set.of());

        final Set<String> roles;

        Access(Set<String> roles) {
            this.roles = roles;
        }
    }

    record Endpoint(HttpMethod method, String path, Access access) {
        boolean api() {
            return path.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + path + " [" + access + "]";
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    WebInvocationPrivilegeEvaluator privileges;

    static Access classify(HttpMethod method, String path) {
        if (path.equals("/") || path.equals("/login") || path.equals("/error") || path.startsWith("/widget/")
                || path.equals("/actuator/health") || path.equals("/actuator/prometheus")
                || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui")) {
            return Access.PUBLIC;
        }
        if (method == HttpMethod.POST && (path.equals("/api/bot/explain") || path.equals("/api/lint"))) {
            return Access.PUBLIC;
        }
        if (path.startsWith("/api/shop/")) return Access.API_KEY;
        if (path.equals("/api/widget/uploads")) return Access.UPLOAD_TOKEN;
        if (path.equals("/api/me")) return Access.ANY_STAFF;
        if (path.startsWith("/api/lead/") || path.startsWith("/console/lead") || path.startsWith("/lead/")) {
            return Access.LEAD;
        }
        if (path.startsWith("/api/console/") || path.startsWith("/console")) return Access.CONSOLE;
        if (path.startsWith("/api/trainer/") || path.startsWith("/trainer")) return Access.TRAINING;
        return Access.UNKNOWN;
    }

    /** All handler methods, path variables filled with a harmless value, plus the static pages. */
    List<Endpoint> endpoints() {
        Set<String> seen = new TreeSet<>();
        List<Endpoint> all = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<HttpMethod> httpMethods = methods.isEmpty() ? List.of(HttpMethod.GET, HttpMethod.POST)
                    : methods.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{\\*?[^}]+}", "x1").replace("/**", "/x1");
                for (HttpMethod m : httpMethods) {
                    if (seen.add(m + " " + path)) all.add(new Endpoint(m, path, classify(m, path)));
                }
            }
        }
        for (String page : List.of("/console", "/console/index.html", "/console/console.js", "/console/lead",
                "/lead/index.html", "/lead/lead.js", "/trainer", "/trainer/index.html", "/trainer/trainer.js",
                "/actuator/health", "/actuator/prometheus", "/actuator/info", "/actuator", "/actuator/env",
                "/h2-console", "/widget/xiaoer-widget.js")) {
            if (seen.add("GET " + page)) all.add(new Endpoint(HttpMethod.GET, page, classify(HttpMethod.GET, page)));
        }
        return all;
    }

    private MockHttpServletResponse call(Endpoint e, String role) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(e.method(), e.path())
                .contentType("application/json").content("{}").with(csrf());
        if (role != null) request.with(user("u-" + role.toLowerCase()).roles(role));
        return mvc.perform(request).andReturn().getResponse();
    }

    private static Authentication as(String role) {
        return UsernamePasswordAuthenticationToken.authenticated("u-" + role.toLowerCase(), null,
                AuthorityUtils.createAuthorityList("ROLE_" + role));
    }

    @Test
    void everyEndpointRefusesWhoItMustAndLetsInWhoItMay() throws Exception {
        List<Endpoint> endpoints = endpoints();
        List<String> failures = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        int calls = 0;
        for (Endpoint e : endpoints) {
            MockHttpServletResponse anon = call(e, null);
            calls++;
            int s = anon.getStatus();
            switch (e.access()) {
                case PUBLIC -> {
                    if (s == 401 || s == 403 || isLoginRedirect(anon)) failures.add(e + " anonymous: " + s);
                }
                case API_KEY -> {
                    if (s != 401 || !anon.getContentAsString().contains("\"error\"")) {
                        failures.add(e + " anonymous without key: " + s);
                    }
                }
                case UPLOAD_TOKEN -> {
                    // open chain; the controller refuses a missing token with its own 401 JSON (or 403 for non-POST)
                    if (s != 401 && s != 403 && s != 405) failures.add(e + " anonymous without token: " + s);
                }
                default -> {
                    if (e.access() == Access.UNKNOWN) unknown.add(e.toString());
                    if (e.api()) {
                        if (s != 401 || !anon.getContentAsString().contains("\"unauthorized\"")) {
                            failures.add(e + " anonymous: expected 401 JSON, got " + s);
                        }
                    } else if (!isLoginRedirect(anon)) {
                        failures.add(e + " anonymous: expected redirect to /login, got " + s);
                    }
                }
            }
            // unknown mappings (actuator's index, ...) only have to refuse anonymous callers
            if (e.access() == Access.PUBLIC || e.access() == Access.UPLOAD_TOKEN || e.access() == Access.UNKNOWN) {
                continue;
            }
            for (String role : ROLES) {
                boolean allowed = e.access().roles.contains(role);
                if (allowed) {
                    if (!privileges.isAllowed("", e.path(), e.method().name(), as(role))) {
                        failures.add(e + " as " + role + ": refused by the security chain");
                    }
                    if (e.method() == HttpMethod.GET) {
                        MockHttpServletResponse r = call(e, role);
                        calls++;
                        if (r.getStatus() == 401 || r.getStatus() == 403 || r.getStatus() >= 500) {
                            failures.add(e + " as " + role + ": " + r.getStatus());
                        }
                    }
                } else {
                    MockHttpServletResponse r = call(e, role);
                    calls++;
                    int expected = e.access() == Access.API_KEY ? 401 : 403;
                    if (r.getStatus() != expected) {
                        failures.add(e + " as " + role + ": expected " + expected + ", got " + r.getStatus());
                    } else if (e.api() && !r.getContentAsString().contains("\"error\"")) {
                        failures.add(e + " as " + role + ": " + expected + " without a JSON error body");
                    }
                }
            }
        }
        System.out.printf("[endpoint-roles] %d endpoints, %d calls, %d unknown (must refuse anonymous): %s%n",
                endpoints.size(), calls, unknown.size(), unknown);
        assertThat(endpoints).hasSizeGreaterThan(60);
        assertThat(failures).as("access failures").isEmpty();
    }

    @Test
    void theClassificationCoversTheDocumentedRules() {
        // guards the test itself: a typo in classify() must not silently make an endpoint public
        assertThat(classify(HttpMethod.GET, "/api/bot/explain")).isEqualTo(Access.UNKNOWN);
        assertThat(classify(HttpMethod.POST, "/api/bot/explain")).isEqualTo(Access.PUBLIC);
        assertThat(classify(HttpMethod.GET, "/api/console/shop/kpis")).isEqualTo(Access.CONSOLE);
        assertThat(classify(HttpMethod.GET, "/api/lead/live")).isEqualTo(Access.LEAD);
        assertThat(classify(HttpMethod.GET, "/api/somethingnew")).isEqualTo(Access.UNKNOWN);
        assertThat(Arrays.stream(Access.values()).filter(a -> a == Access.PUBLIC)).hasSize(1);
    }

    private static boolean isLoginRedirect(MockHttpServletResponse r) {
        return r.getStatus() == 302 && r.getRedirectedUrl() != null && r.getRedirectedUrl().endsWith("/login");
    }
}
