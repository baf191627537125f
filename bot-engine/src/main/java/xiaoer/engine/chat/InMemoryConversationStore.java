package xiaoer.engine.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A store that keeps everything in memory: for engine and channel tests and for trying rules out, never for a shop
 * (nothing survives a restart). The app uses the JDBC store.
 */
public final class InMemoryConversationStore implements ConversationStore {

    private final Map<String, Conversation> conversations = new HashMap<>();
    private final Map<String, List<ChatEvent>> eventsByVisitor = new HashMap<>();
    private final Map<String, Long> lastSeqByVisitor = new HashMap<>();

    @Override
    public synchronized Optional<Conversation> findOpen(String shop, String visitorId) {
        return conversations.values().stream()
                .filter(c -> c.shop().equals(shop) && c.visitorId().equals(visitorId) && c.isOpen())
                .findFirst();
    }

    @Override
    public synchronized Optional<Conversation> find(String conversationId) {
        return Optional.ofNullable(conversations.get(conversationId));
    }

    @Override
    public synchronized Conversation create(Visitor v, Instant at) {
        Conversation c = new Conversation(UUID.randomUUID().toString(), v.shop(), v.visitorId(), v.verified(), v.name(),
                ConversationStatus.BOT, null, null, null, at, null, at);
        conversations.put(c.id(), c);
        return c;
    }

    @Override
    public synchronized Appended append(String conversationId, EventDraft d, Instant at) {
        Conversation c = conversations.get(conversationId);
        if (c == null) throw new IllegalArgumentException("no conversation " + conversationId);
        String key = c.shop() + ":" + c.visitorId();
        List<ChatEvent> events = eventsByVisitor.computeIfAbsent(key, k -> new ArrayList<>());
        if (d.clientMsgId() != null) {
            for (ChatEvent e : events) {
                if (e.conversationId().equals(conversationId) && d.clientMsgId().equals(e.clientMsgId())) {
                    return new Appended(e, true);
                }
            }
        }
        long seq = lastSeqByVisitor.merge(key, 1L, Long::sum);
        ChatEvent e = new ChatEvent(conversationId, c.shop(), c.visitorId(), seq, d.from(), d.text(), at,
                d.quickReplies(), d.agentName(), d.clientMsgId(), d.internal(), d.meta());
        events.add(e);
        return new Appended(e, false);
    }

    @Override
    public synchronized List<ChatEvent> eventsAfter(String shop, String visitorId, long afterSeq) {
        return eventsByVisitor.getOrDefault(shop + ":" + visitorId, List.of()).stream()
                .filter(e -> e.seq() > afterSeq && !e.internal()).toList();
    }

    @Override
    public synchronized List<ChatEvent> history(String conversationId) {
        Conversation c = conversations.get(conversationId);
        if (c == null) return List.of();
        return eventsByVisitor.getOrDefault(c.shop() + ":" + c.visitorId(), List.of()).stream()
                .filter(e -> e.conversationId().equals(conversationId)).toList();
    }

    @Override
    public synchronized List<ChatEvent> recentHistory(String conversationId, long beforeSeq, int limit) {
        Conversation c = conversations.get(conversationId);
        if (c == null || limit <= 0) return List.of();
        List<ChatEvent> events = eventsByVisitor.getOrDefault(c.shop() + ":" + c.visitorId(), List.of());
        ArrayList<ChatEvent> latestFirst = new ArrayList<>(Math.min(limit, events.size()));
        for (int i = events.size() - 1; i >= 0 && latestFirst.size() < limit; i--) {
            ChatEvent e = events.get(i);
            if (e.seq() < beforeSeq && e.conversationId().equals(conversationId)) latestFirst.add(e);
        }
        java.util.Collections.reverse(latestFirst);
        return latestFirst;
    }

    @Override
    public synchronized Optional<Conversation> transition(String id, ConversationStatus from, ConversationStatus to,
                                                          String agentId, String agentName, String reason, Instant at) {
        Conversation c = conversations.get(id);
        if (c == null || c.status() != from) return Optional.empty();
        Conversation next = new Conversation(c.id(), c.shop(), c.visitorId(), c.verified(), c.customerName(), to,
                agentId != null ? agentId : c.agentId(), agentName != null ? agentName : c.agentName(),
                reason != null ? reason : c.handoffReason(), c.createdAt(),
                to == ConversationStatus.QUEUED ? at : c.queuedAt(), at);
        conversations.put(id, next);
        return Optional.of(next);
    }

    @Override
    public synchronized List<Conversation> withStatus(ConversationStatus status) {
        return conversations.values().stream().filter(c -> c.status() == status).toList();
    }
}
