package xiaoer.console.agent;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import xiaoer.console.AgentProfiles;
import xiaoer.console.ConsoleProperties;
import xiaoer.console.web.BadRequestException;
import xiaoer.console.web.LintRefusal;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.ChatException;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.LintRejectedException;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The agent's REST side of the console. Every change goes through the engine, which publishes it on the bus; the
 * {@link ConsoleEventRelay} pushes it to every console, the caller's included.
 */
@RestController
@RequestMapping("/api/console")
public class ConsoleController {

    private final ChatEngine engine;
    private final AgentProfiles profiles;
    private final ConsoleProperties limits;
    private final Clock clock;

    public ConsoleController(ChatEngine engine, AgentProfiles profiles, ConsoleProperties limits,
                             ObjectProvider<Clock> clock) {
        this.engine = engine;
        this.profiles = profiles;
        this.limits = limits;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Waiting conversations, longest waiting first. */
    @GetMapping("/queue")
    public List<ConversationView> queue() {
        return engine.waiting().stream().map(c -> ConversationView.of(c, clock)).toList();
    }

    /** The caller's own open conversations. */
    @GetMapping("/mine")
    public List<ConversationView> mine(Authentication auth) {
        return engine.ownedBy(auth.getName()).stream().map(c -> ConversationView.of(c, clock)).toList();
    }

    @GetMapping("/conversations/{id}")
    public ConversationDetail conversation(@PathVariable String id) {
        Conversation c = find(id);
        List<EventView> events = engine.history(id).stream().map(EventView::of).toList();
        long lastSeq = events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
        return new ConversationDetail(ConversationView.of(c, clock), events, lastSeq, engine.languageOf(id));
    }

    /** What a console missed while disconnected: the conversation's events with a seq above {@code afterSeq}. */
    @GetMapping("/conversations/{id}/events")
    public List<EventView> eventsAfter(@PathVariable String id, @RequestParam(defaultValue = "0") long afterSeq) {
        find(id);
        return engine.history(id).stream().filter(e -> e.seq() > afterSeq).map(EventView::of).toList();
    }

    /** 409 {@code not_waiting} when another agent was faster. */
    @PostMapping("/conversations/{id}/accept")
    public ConversationView accept(@PathVariable String id, Authentication auth) {
        find(id);
        return ConversationView.of(engine.accept(profiles.agentRef(auth), id), clock);
    }

    /** 422 with the findings and a corrected text when the lint refuses the reply. */
    @PostMapping("/conversations/{id}/reply")
    public ResponseEntity<?> reply(@PathVariable String id, @RequestBody ConsoleRequests.Text body,
                                   Authentication auth) {
        String text = requireText(body == null ? null : body.text());
        try {
            return ResponseEntity.ok(EventView.of(engine.agentReply(profiles.agentRef(auth), id, text)));
        } catch (LintRejectedException e) {
            return ResponseEntity.status(LintRefusal.STATUS).body(LintRefusal.of(e.findings(), text));
        }
    }

    /** An internal note: colleagues see it, the shopper never does. */
    @PostMapping("/conversations/{id}/note")
    public EventView note(@PathVariable String id, @RequestBody ConsoleRequests.Text body, Authentication auth) {
        String text = requireText(body == null ? null : body.text());
        find(id);
        ChatEvent note = engine.note(profiles.agentRef(auth), id, text);
        return EventView.of(note);
    }

    @PostMapping("/conversations/{id}/typing")
    public ResponseEntity<Void> typing(@PathVariable String id, @RequestBody ConsoleRequests.Typing body,
                                       Authentication auth) {
        if (body == null || body.on() == null) throw new BadRequestException("bad_request", "Send {\"on\": true|false}.");
        engine.agentTyping(profiles.agentRef(auth), id, body.on());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/conversations/{id}/close")
    public ConversationView close(@PathVariable String id, Authentication auth) {
        return ConversationView.of(engine.close(profiles.agentRef(auth), id), clock);
    }

    @GetMapping(value = "/conversations/{id}/transcript", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> transcript(@PathVariable String id) {
        Conversation c = find(id);
        String text = Transcript.of(c, engine.history(id), ZoneId.systemDefault());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"transcript-" + safe(id) + ".txt\"")
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(text);
    }

    private Conversation find(String id) {
        return engine.conversation(id).orElseThrow(() -> new ChatException("not_found", "No such conversation."));
    }

    private String requireText(String text) {
        if (text == null || text.isBlank()) throw new BadRequestException("empty", "The text is empty.");
        if (text.length() > limits.maxTextLength()) {
            throw new BadRequestException("too_long", "The text is longer than " + limits.maxTextLength() + " characters.");
        }
        return text;
    }

    /** Conversation ids are UUIDs; anything else is stripped before it goes into a header. */
    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9-]", "");
    }
}
