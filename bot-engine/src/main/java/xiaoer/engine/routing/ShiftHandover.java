package xiaoer.engine.routing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The hand-over note between shifts (交接班, domain.md §5): unfinished work and what the next shift must know.
 *
 * @param id              its id
 * @param authorId        who wrote it (the leaving shift)
 * @param writtenAt       when
 * @param text            free text
 * @param conversationIds unfinished conversations carried over
 * @param ticketNumbers   open tickets carried over (archive numbers like 20240214001)
 * @param acknowledgedBy  who of the next shift took it over, or null
 * @param acknowledgedAt  when, or null
 */
public record ShiftHandover(String id, String authorId, Instant writtenAt, String text, List<String> conversationIds,
                            List<String> ticketNumbers, String acknowledgedBy, Instant acknowledgedAt) {

    public ShiftHandover {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(writtenAt, "writtenAt");
        text = text == null ? "" : text;
        conversationIds = List.copyOf(conversationIds);
        ticketNumbers = List.copyOf(ticketNumbers);
    }

    public boolean acknowledged() {
        return acknowledgedBy != null;
    }

    ShiftHandover acknowledge(String agentId, Instant at) {
        return new ShiftHandover(id, authorId, writtenAt, text, conversationIds, ticketNumbers, agentId, at);
    }
}
