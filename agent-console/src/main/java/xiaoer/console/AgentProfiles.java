package xiaoer.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import xiaoer.engine.chat.AgentRef;

import java.util.Set;
import java.util.TreeSet;

/** Turns the logged-in user into the engine's {@link AgentRef} and the profile the pages show. */
@Component
public class AgentProfiles {

    private final ObjectProvider<AgentDirectory> directory;

    public AgentProfiles(ObjectProvider<AgentDirectory> directory) {
        this.directory = directory;
    }

    public AgentProfile of(Authentication auth) {
        String username = auth.getName();
        AgentDirectory dir = directory.getIfAvailable();
        AgentProfile found = dir == null ? null : dir.find(username).orElse(null);
        return new AgentProfile(username, found == null ? username : found.displayName(), roles(auth));
    }

    public AgentRef agentRef(Authentication auth) {
        AgentProfile profile = of(auth);
        return new AgentRef(profile.username(), profile.displayName());
    }

    /** Roles as granted at log-in: the truth for access, whatever the directory says. */
    private static Set<String> roles(Authentication auth) {
        Set<String> roles = new TreeSet<>();
        for (GrantedAuthority a : auth.getAuthorities()) {
            String name = a.getAuthority();
            if (name != null && name.startsWith("ROLE_")) roles.add(name.substring(5));
        }
        return roles;
    }
}
