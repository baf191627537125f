package xiaoer.console.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** API callers get the same {@code {error, message}} JSON as every other API failure, never a log-in page. */
final class JsonSecurityErrors {

    private JsonSecurityErrors() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                "Log in first.");
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> {
            if (e instanceof CsrfException) {
                write(response, HttpServletResponse.SC_FORBIDDEN, "csrf",
                        "Missing or invalid CSRF token; reload the page.");
            } else {
                write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden",
                        "Your role does not allow this.");
            }
        };
    }

    private static void write(HttpServletResponse response, int status, String error, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // fixed ASCII texts: no escaping needed
        response.getWriter().write("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
    }
}
