package xiaoer.console;

import java.util.Set;

/**
 * How the console knows a logged-in person.
 *
 * @param username    the log-in name; also the agent id that owns conversations
 * @param displayName the name shoppers and colleagues see (never null; the username when unset)
 * @param roles       role names without the {@code ROLE_} prefix (AGENT, LEAD, TRAINER, ADMIN); informational only,
 *                    access decisions use the authorities of the {@code UserDetailsService}
 */
public record AgentProfile(String username, String displayName, Set<String> roles) {

    public AgentProfile {
        displayName = displayName == null || displayName.isBlank() ? username : displayName;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
