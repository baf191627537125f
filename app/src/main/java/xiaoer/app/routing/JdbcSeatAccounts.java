package xiaoer.app.routing;

import org.springframework.jdbc.core.JdbcTemplate;
import xiaoer.console.agent.SeatAccounts;
import xiaoer.engine.routing.AgentSeat;
import xiaoer.engine.routing.SkillGroup;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Agents' groups and capacity from the users table ({@code skills}, {@code max_chats}, V5). An account without
 * skills set serves every group, unless it is a lead (leads pick, they are not routed to).
 */
final class JdbcSeatAccounts implements SeatAccounts {

    private final JdbcTemplate jdbc;

    JdbcSeatAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Seat> find(String username) {
        return jdbc.query("select roles, skills, max_chats from users where username = ?", (rs, i) -> {
            boolean lead = rs.getString("roles").contains("LEAD");
            String skills = rs.getString("skills");
            int capacity = rs.getObject("max_chats") == null ? AgentSeat.DEFAULT_CAPACITY : rs.getInt("max_chats");
            return new Seat(skills == null ? (lead ? Set.of() : EnumSet.allOf(SkillGroup.class)) : parse(skills),
                    Math.max(1, capacity));
        }, username).stream().findFirst();
    }

    private static Set<SkillGroup> parse(String csv) {
        Set<SkillGroup> groups = EnumSet.noneOf(SkillGroup.class);
        Arrays.stream(csv.split(",")).map(s -> s.trim().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .forEach(s -> {
                    try {
                        groups.add(SkillGroup.valueOf(s));
                    } catch (IllegalArgumentException unknown) {
                        // a group this version does not know: ignored
                    }
                });
        return groups;
    }
}
