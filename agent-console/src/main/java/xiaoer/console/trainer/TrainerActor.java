package xiaoer.console.trainer;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who makes a change in the workspace (the audit log's "who") and whether they may approve (leads and admins).
 */
record TrainerActor(String name, boolean mayApprove) {

    static TrainerActor of(Authentication auth) {
        if (auth == null) return new TrainerActor("anonymous", false);
        boolean lead = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_LEAD") || a.equals("ROLE_ADMIN"));
        return new TrainerActor(auth.getName(), lead);
    }
}
