package xiaoer.app.users;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import xiaoer.console.AgentDirectory;
import xiaoer.console.AgentProfile;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The people who log in to the console (agents, leads, trainers, admins), stored with BCrypt-hashed passwords. */
public final class JdbcUserAccounts implements UserDetailsService, AgentDirectory {

    private record Account(String username, String passwordHash, String displayName, Set<String> roles,
                           boolean enabled) {
    }

    private final JdbcTemplate jdbc;

    public JdbcUserAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account a = account(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(a.username()).password(a.passwordHash()).roles(a.roles().toArray(String[]::new))
                .disabled(!a.enabled()).build();
    }

    @Override
    public Optional<AgentProfile> find(String username) {
        return account(username).map(a -> new AgentProfile(a.username(), a.displayName(), a.roles()));
    }

    private Optional<Account> account(String username) {
        if (username == null || username.isBlank() || username.length() > 64) return Optional.empty();
        return jdbc.query("select username, password_hash, display_name, roles, enabled from users where username = ?",
                (rs, i) -> new Account(rs.getString("username"), rs.getString("password_hash"),
                        rs.getString("display_name"), roles(rs.getString("roles")), rs.getBoolean("enabled")),
                username).stream().findFirst();
    }

    private static Set<String> roles(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
