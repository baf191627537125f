package xiaoer.console.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import xiaoer.console.AgentProfile;
import xiaoer.console.AgentProfiles;

import java.util.Set;

/**
 * Who is logged in, and the CSRF token the page's script sends as a header on POSTs and in the STOMP CONNECT frame.
 * The token is the masked form Spring Security expects in both places.
 */
@RestController
public class MeController {

    /** The logged-in person and the CSRF header to send. */
    public record Me(String username, String name, Set<String> roles, Csrf csrf) {
    }

    public record Csrf(String headerName, String parameterName, String token) {
    }

    private final AgentProfiles profiles;

    public MeController(AgentProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/me")
    public Me me(Authentication auth, CsrfToken csrf) {
        AgentProfile p = profiles.of(auth);
        return new Me(p.username(), p.displayName(), p.roles(),
                new Csrf(csrf.getHeaderName(), csrf.getParameterName(), csrf.getToken()));
    }
}
