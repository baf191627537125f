package xiaoer.engine.shop.damage;

import java.util.List;
import java.util.Set;

/**
 * Who signs a damage report and who decides it (domain.md §8: recorded and signed off by the responsible people
 * before the shop decides).
 *
 * @param signOffRoles every role that must sign, each by a different person (default AGENT then LEAD)
 * @param decideRoles  the roles that may record the decision (default LEAD, ADMIN)
 */
public record DamageRules(List<String> signOffRoles, Set<String> decideRoles) {

    public DamageRules {
        signOffRoles = List.copyOf(signOffRoles);
        decideRoles = Set.copyOf(decideRoles);
        if (signOffRoles.isEmpty()) throw new IllegalArgumentException("at least one sign-off role is needed");
    }

    public static DamageRules defaults() {
        return new DamageRules(List.of("AGENT", "LEAD"), Set.of("LEAD", "ADMIN"));
    }
}
