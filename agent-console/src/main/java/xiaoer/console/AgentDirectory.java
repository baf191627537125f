package xiaoer.console;

import java.util.Optional;

/**
 * Looks up the profile of a logged-in user. The app implements it on its user accounts; without such a bean the
 * console falls back to the username as the display name.
 *
 * <pre>{@code
 * @Bean AgentDirectory agentDirectory(JdbcTemplate jdbc) {
 *     return username -> jdbc.query("select ...", ...).stream().findFirst();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface AgentDirectory {

    /** The profile of {@code username}, or empty when there is no such account. Never throws for unknown names. */
    Optional<AgentProfile> find(String username);
}
