package xiaoer.app.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import xiaoer.console.agent.ConsoleSessions;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.ConversationStatus;
import xiaoer.engine.chat.Staffing;
import xiaoer.engine.routing.AgentSeat;
import xiaoer.engine.routing.AgentStatus;
import xiaoer.engine.routing.Outcome;
import xiaoer.engine.routing.SeatChange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sets the seat of an agent whose console has been gone for {@code offlineAfter} OFFLINE, through the engine's normal
 * seat change (their open chats go back to the queue), whatever status they had: gone is gone. Run by the routing
 * pass, so once per cluster. The seat board may refuse (the seat in charge leaving without a deputy): then the seat is
 * left as it is, logged once, and tried again on the next pass.
 *
 * <p>It also gives back chats still stored as held by an agent whose seat has been offline that long (or unknown since
 * this node's first routing pass: a restart forgets the seats but not the chats), so that no chat waits on someone who
 * is gone.
 */
final class AbsentAgents {

    private static final Logger log = LoggerFactory.getLogger(AbsentAgents.class);

    private final ChatEngine engine;
    private final Staffing staffing;
    private final ConsoleSessions sessions;
    private final Clock clock;
    private final Duration offlineAfter;
    private final Set<String> refusedLogged = ConcurrentHashMap.newKeySet();
    private final Counter released;
    /** The first pass on this node: seats unknown to the board count as offline since then (null before it). */
    private Instant firstPass;

    AbsentAgents(ChatEngine engine, Staffing staffing, ConsoleSessions sessions, Clock clock, Duration offlineAfter,
                 MeterRegistry metrics) {
        this.engine = engine;
        this.staffing = staffing;
        this.sessions = sessions;
        this.clock = clock;
        this.offlineAfter = offlineAfter;
        this.released = Counter.builder("xiaoer.routing.stranded.released")
                .description("Chats given back to the queue because their agent had been offline with them")
                .register(metrics);
    }

    void sweep() {
        if (firstPass == null) firstPass = clock.instant();
        setGoneOffline();
        releaseStrandedChats();
    }

    private void setGoneOffline() {
        Set<String> gone;
        try {
            gone = sessions.goneBefore(clock.instant().minus(offlineAfter));
        } catch (RuntimeException e) { // Redis down: nobody is set offline until it is back
            log.debug("could not read absent agents: {}", e.toString());
            return;
        }
        for (String agent : gone) {
            try {
                AgentStatus status = staffing.seats().seat(agent).map(s -> s.status()).orElse(AgentStatus.OFFLINE);
                if (status == AgentStatus.OFFLINE) {
                    sessions.forget(agent);
                    continue;
                }
                Outcome<SeatChange> outcome = engine.changeSeat(agent, AgentStatus.OFFLINE, null);
                if (outcome.isDone()) {
                    sessions.forget(agent);
                    refusedLogged.remove(agent);
                    log.info("agent {} has had no console for {} s: {} -> OFFLINE, their chats back in the queue",
                            agent, offlineAfter.toSeconds(), status);
                } else if (refusedLogged.add(agent)) {
                    log.warn("agent {} has had no console for {} s but stays {}: {}", agent, offlineAfter.toSeconds(),
                            status, outcome.refusal().map(Object::toString).orElse("refused"));
                }
            } catch (RuntimeException e) {
                log.warn("could not set absent agent {} offline: {}", agent, e.toString());
            }
        }
    }

    private void releaseStrandedChats() {
        Instant cutoff = clock.instant().minus(offlineAfter);
        Set<String> holders = new TreeSet<>();
        try {
            for (Conversation c : engine.conversations(ConversationStatus.AGENT)) {
                if (c.agentId() != null) holders.add(c.agentId());
            }
        } catch (RuntimeException e) {
            log.debug("could not read the chats held by agents: {}", e.toString());
            return;
        }
        for (String agent : holders) {
            try {
                Optional<AgentSeat> seat = staffing.seats().seat(agent);
                Instant offlineSince = seat.isEmpty() ? firstPass
                        : seat.get().status() == AgentStatus.OFFLINE ? seat.get().statusSince() : null;
                if (offlineSince == null || offlineSince.isAfter(cutoff)) continue;
                int back = engine.releaseChatsOfOffline(agent);
                if (back > 0) {
                    released.increment(back);
                    log.warn("agent {} has been offline for over {} s but still held {} chat(s): back in the queue",
                            agent, offlineAfter.toSeconds(), back);
                }
            } catch (RuntimeException e) {
                log.warn("could not give back the chats of offline agent {}: {}", agent, e.toString());
            }
        }
    }
}
