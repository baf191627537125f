package xiaoer.console.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import xiaoer.console.AgentProfile;
import xiaoer.console.AgentProfiles;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.Staffing;
import xiaoer.engine.routing.AgentSeat;
import xiaoer.engine.routing.AgentStatus;
import xiaoer.engine.routing.SeatRole;
import xiaoer.engine.routing.SkillGroup;

import java.util.EnumSet;
import java.util.Optional;

/**
 * Makes a logged-in agent known to the seat board: when their console opens its STOMP session (or calls the seat
 * API) their seat is registered from their account (groups, capacity; LEAD role → the lead seat) and, if it was
 * offline, goes ONLINE so that routing sends them waiting chats. A reconnect keeps a chosen busy/away status.
 * Sessions opening and closing are recorded in {@link ConsoleSessions} (when the app provides one), from which the
 * routing pass sets the seat of an agent gone for good OFFLINE.
 */
@Component
public class SeatPresence {

    private static final Logger log = LoggerFactory.getLogger(SeatPresence.class);

    private final ChatEngine engine;
    private final AgentProfiles profiles;
    private final ObjectProvider<SeatAccounts> accounts;
    private final ObjectProvider<ConsoleSessions> sessions;

    public SeatPresence(ChatEngine engine, AgentProfiles profiles, ObjectProvider<SeatAccounts> accounts,
                        ObjectProvider<ConsoleSessions> sessions) {
        this.engine = engine;
        this.profiles = profiles;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @EventListener
    public void connected(SessionConnectedEvent event) {
        if (event.getUser() instanceof Authentication auth && auth.isAuthenticated()) {
            String sessionId = SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders());
            try {
                // recorded first: even if seating fails now, this console is live and must not count as gone
                ConsoleSessions live = sessions.getIfAvailable();
                if (live != null && sessionId != null && engine.staffing().isPresent()) {
                    live.opened(profiles.of(auth).username(), sessionId);
                }
                ensure(auth);
            } catch (RuntimeException e) {
                log.warn("could not seat {}: {}", auth.getName(), e.toString());
            }
        }
    }

    /** A console went away (closed, reloaded, network lost): its agent may be gone, decided after a grace period. */
    @EventListener
    public void disconnected(SessionDisconnectEvent event) {
        ConsoleSessions live = sessions.getIfAvailable();
        if (live == null) return;
        try {
            live.closed(event.getSessionId());
        } catch (RuntimeException e) {
            log.warn("could not record the end of console session {}: {}", event.getSessionId(), e.toString());
        }
    }

    /** The caller's seat, registered and online if it was unknown or offline; empty without routing. */
    public Optional<AgentSeat> ensure(Authentication auth) {
        Optional<AgentSeat> seat = register(auth);
        if (seat.isPresent() && seat.get().status() == AgentStatus.OFFLINE) {
            engine.changeSeat(seat.get().id(), AgentStatus.ONLINE, null);
            log.info("agent {} is online ({} groups, capacity {})", seat.get().id(), seat.get().skills().size(),
                    seat.get().capacity());
            return engine.staffing().flatMap(s -> s.seats().seat(seat.get().id()));
        }
        return seat;
    }

    /**
     * The caller's seat, registered from their account but with its status left as it is: for an agent who is about
     * to choose a status, so that going from offline to busy never passes through online (and gets a chat routed).
     */
    public Optional<AgentSeat> register(Authentication auth) {
        Optional<Staffing> staffing = engine.staffing();
        if (staffing.isEmpty()) return Optional.empty();
        AgentProfile p = profiles.of(auth);
        boolean lead = p.roles().contains("LEAD") || p.roles().contains("ADMIN");
        SeatAccounts.Seat account = accounts.getIfAvailable() == null ? null
                : accounts.getIfAvailable().find(p.username()).orElse(null);
        var skills = account != null ? account.skills()
                : lead ? EnumSet.noneOf(SkillGroup.class) : EnumSet.allOf(SkillGroup.class);
        int capacity = account != null ? account.capacity() : AgentSeat.DEFAULT_CAPACITY;
        return Optional.of(staffing.get().seats().register(p.username(), p.displayName(),
                lead ? SeatRole.LEAD : SeatRole.AGENT, skills, capacity));
    }
}
