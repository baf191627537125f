package xiaoer.app.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

/**
 * The demo accounts of the embedded default: one per role, created on the first start (when no user exists) and
 * printed to the log so a first-time operator can log in. Production set-ups turn demo data off.
 */
public final class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    record Account(String username, String password, String displayName, String roles) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("agent", "agent123", "小美", "AGENT"),
            new Account("agent2", "agent123", "小林", "AGENT"),
            new Account("lead", "lead123", "王组长", "LEAD,AGENT"),
            new Account("trainer", "trainer123", "陈训练师", "TRAINER"),
            new Account("admin", "admin123", "管理员", "ADMIN,LEAD,AGENT,TRAINER"));

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;

    public DemoAccounts(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** Creates the accounts when the user table is empty; always logs the log-in details of the demo accounts. */
    public void ensure() {
        Integer users = jdbc.queryForObject("select count(*) from users", Integer.class);
        if (users != null && users == 0) {
            for (Account a : ACCOUNTS) {
                jdbc.update("insert into users (username, password_hash, display_name, roles, enabled) values (?,?,?,?,true)",
                        a.username(), encoder.encode(a.password()), a.displayName(), a.roles());
            }
        }
        StringBuilder sb = new StringBuilder("demo accounts (change or remove them before going live):");
        for (Account a : ACCOUNTS) {
            sb.append(String.format("%n    %-8s password %-11s role %s", a.username(), a.password(), a.roles()));
        }
        log.info(sb.toString());
    }
}
