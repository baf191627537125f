package xiaoer.channels.widget;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.store.StoreFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import xiaoer.engine.chat.Ack;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.EngineEvent;
import xiaoer.engine.chat.Sender;
import xiaoer.engine.chat.TypingEvent;
import xiaoer.engine.text.ServiceTexts;
import xiaoer.engine.text.ShopperLanguage;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web widget's socket.io server (ARCHITECTURE.md, "Widget protocol"). Netty threads only parse, check limits and
 * queue work: every engine call runs on a {@link SerialLanes} lane keyed by the visitor, so the event loop never blocks
 * on storage and one visitor's messages keep their order. The ack goes out before the engine is asked to answer, so
 * the bot's reply always follows the ack and carries a larger seq.
 *
 * <p>Delivery: every node's server subscribes to the engine's bus (in-process, or cluster-wide in cluster mode) and
 * sends each event to the sockets of that visitor connected to THIS node; it does not use netty-socketio's room
 * broadcast for delivery, so a cluster-wide bus and a Redisson store can't deliver an event twice. Sockets join no
 * room: nothing addressed rooms, and a room cost every connection two more sets (and, with a Redisson store, a
 * publish to Redis on every connect and disconnect).
 *
 * <p>Security: random session ids ({@code randomSession=true}; netty-socketio's default reuses an {@code io} cookie
 * sent by the client), WebSocket and HTTP compression off, frame and body size limits, origin allow-list, signed
 * visitor ids checked in constant time, per-visitor and per-IP message rate limits.
 */
public final class WidgetServer {

    private static final Logger log = LoggerFactory.getLogger(WidgetServer.class);

    private final ChatEngine engine;
    private final WidgetSettings settings;
    private final WidgetHandshake handshake;
    private final ServiceTexts texts;
    private final SocketIOServer server;
    private final SerialLanes lanes;
    private final RateLimiter perVisitor;
    private final RateLimiter perIp;
    private final RateLimiter newConversationsPerIp;
    private final Map<UUID, WidgetSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Set<WidgetSession>> sessionsByVisitor = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;
    private final Counter received;
    private volatile boolean running;

    public WidgetServer(ChatEngine engine, WidgetSettings settings, ShopSecrets secrets, MeterRegistry metrics) {
        this(engine, settings, secrets, metrics, null);
    }

    /**
     * @param storeFactory netty-socketio's client store, e.g. {@code RedissonStoreFactory} in cluster mode; null = in
     *                     memory
     */
    public WidgetServer(ChatEngine engine, WidgetSettings settings, ShopSecrets secrets, MeterRegistry metrics,
                        StoreFactory storeFactory) {
        this.engine = engine;
        this.settings = settings;
        this.handshake = new WidgetHandshake(settings, secrets == null ? ShopSecrets.none() : secrets);
        this.texts = WidgetTexts.load();
        this.metrics = metrics;
        this.lanes = new SerialLanes(settings.workerThreads(), settings.queueCapacityPerWorker(), "xiaoer-widget");
        this.perVisitor = new RateLimiter(settings.messagesPerMinutePerVisitor());
        this.perIp = new RateLimiter(settings.messagesPerMinutePerIp());
        this.newConversationsPerIp = new RateLimiter(settings.newConversationsPerHourPerIp(),
                java.util.concurrent.TimeUnit.HOURS, System::nanoTime);
        this.server = new SocketIOServer(configuration(storeFactory));
        SocketIOServer io = this.server;
        this.server.setPipelineFactory(ConnectPacketWatch.pipelineWith(new ConnectPacketWatch(this::onSocketIoConnected),
                new SessionIdCheck(id -> io.getClient(id) != null)));
        this.received = Counter.builder("xiaoer.widget.messages.received")
                .description("shopper messages received by the widget server").register(metrics);
        Gauge.builder("xiaoer.widget.connections", sessions, Map::size)
                .description("connected widget sockets on this node").register(metrics);
        Gauge.builder("xiaoer.widget.queue.depth", lanes, SerialLanes::queued)
                .description("widget tasks waiting for a worker lane").register(metrics);
        registerListeners();
        engine.bus().subscribe(this::onEngineEvent);
    }

    private Configuration configuration(StoreFactory storeFactory) {
        Configuration c = new Configuration();
        c.setHostname(settings.host());
        c.setPort(settings.port());
        c.setMaxFramePayloadLength(settings.maxFramePayloadBytes());
        c.setMaxHttpContentLength(settings.maxHttpContentBytes());
        c.setPingInterval(settings.pingIntervalMs());
        c.setPingTimeout(settings.pingTimeoutMs());
        c.setRandomSession(true);
        c.setWebsocketCompression(false);
        c.setHttpCompression(false);
        c.setAddVersionHeader(false);
        c.setAckMode(AckMode.MANUAL); // acks are sent by us after commit, never automatically
        if (settings.allowedOrigins().size() == 1) c.setOrigin(settings.allowedOrigins().get(0));
        if (storeFactory != null) c.setStoreFactory(storeFactory);
        c.setExceptionListener(new QuietExceptionListener());
        SocketConfig socket = new SocketConfig();
        socket.setReuseAddress(true);
        socket.setTcpNoDelay(true);
        c.setSocketConfig(socket);
        c.setAuthorizationListener(data -> {
            WidgetHandshake.Result r = handshake.check(data);
            if (r.ok()) return AuthorizationResult.SUCCESSFUL_AUTHORIZATION;
            metrics.counter("xiaoer.widget.handshakes.refused", "reason", r.refusal()).increment();
            log.debug("widget handshake refused: {}", r.refusal());
            return AuthorizationResult.FAILED_AUTHORIZATION;
        });
        return c;
    }

    public void start() {
        server.start();
        running = true;
        log.info("widget server listening on {}:{}", settings.host(), settings.port());
    }

    public void stop() {
        running = false;
        server.stop();
        lanes.shutdown(5_000);
    }

    public boolean isRunning() {
        return running;
    }

    public WidgetSettings settings() {
        return settings;
    }

    /** Connected widget sockets on this node. */
    public int connections() {
        return sessions.size();
    }

    // ---- socket.io listeners (Netty event loop: no blocking work here) ----

    private void registerListeners() {
        server.addConnectListener(this::onConnect);
        server.addDisconnectListener(this::onDisconnect);
        server.addEventListener("message", Object.class, this::onMessage);
        server.addEventListener("typing", Object.class, (client, data, ack) -> onTyping(client, data));
        server.addEventListener("upload-token", Object.class, this::onUploadToken);
    }

    /** Photo uploads (issue 6): set once the shop's damage desk exists; until then tokens are refused. */
    private volatile xiaoer.engine.shop.damage.DamageDesk uploads;

    public void enableUploads(xiaoer.engine.shop.damage.DamageDesk desk) {
        this.uploads = desk;
    }

    /**
     * The widget asks for a short-lived upload token bound to this socket's visitor and their open conversation; it
     * then POSTs the photo to {@code /api/widget/uploads} with it. Ack {@code {ok, token, maxBytes}}.
     */
    private void onUploadToken(SocketIOClient client, Object data, AckRequest ackRequest) {
        WidgetSession session = sessions.get(client.getSessionId());
        xiaoer.engine.shop.damage.DamageDesk desk = uploads;
        if (session == null) return;
        if (desk == null) {
            refuse(ackRequest, "unavailable");
            return;
        }
        String key = session.visitor().key();
        if (!perVisitor.tryAcquire(key)) {
            refuse(ackRequest, "rate_limited");
            return;
        }
        boolean queued = lanes.submit(key, () -> {
            try {
                var open = engine.openConversationOf(session.visitor());
                if (open.isEmpty()) {
                    refuse(ackRequest, "unavailable");
                    return;
                }
                String token = desk.issueToken(session.visitor().shop(), session.visitor().visitorId(), open.get().id());
                sendAck(ackRequest, Map.of("ok", true, "token", token, "maxBytes", desk.uploadRules().maxBytes(),
                        "conversationId", open.get().id()));
            } catch (RuntimeException e) {
                log.warn("upload token failed for {}: {}", key, e.toString());
                refuse(ackRequest, "unavailable");
            }
        });
        if (!queued) refuse(ackRequest, "busy");
    }

    private void onConnect(SocketIOClient client) {
        WidgetHandshake.Result r = handshake.check(client.getHandshakeData());
        if (!r.ok()) { // already checked at the handshake; a defensive second look costs little
            client.disconnect();
            return;
        }
        WidgetHandshake.Accepted a = r.accepted();
        WidgetSession session = new WidgetSession(client, a.visitor(), a.ip(), a.lastSeq(), a.pageLang());
        String key = a.visitor().key();
        // registered before the replay is read, so no event can fall between replay and live delivery
        sessions.put(client.getSessionId(), session);
        sessionsByVisitor.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet(1)).add(session);
        // the replay starts once the client's socket.io CONNECT was answered (see ConnectPacketWatch)
    }

    private void onSocketIoConnected(UUID sessionId) {
        WidgetSession session = sessions.get(sessionId);
        if (session != null && session.markConnectQueued()) queueConnect(session, session.lastSeq());
    }

    private void queueConnect(WidgetSession session, long lastSeq) {
        String key = session.visitor().key();
        boolean queued = lanes.submit(key, () -> {
            try {
                if (!mayOpenConversation(session)) {
                    // over the IP's new-conversation limit: no conversation (and no greeting) now; the shopper's
                    // message is refused with a clear text, and what they had before still replays
                    session.replay(engine.replay(session.visitor(), lastSeq));
                    return;
                }
                ChatEngine.Connection connection = engine.connect(session.visitor(), lastSeq, session.pageLang());
                session.replay(connection.missed());
            } catch (RuntimeException e) {
                log.warn("widget connect failed for {}: {}", key, e.toString());
                session.client().disconnect(); // the widget reconnects and replays from its lastSeq
            }
        });
        if (!queued) {
            metrics.counter("xiaoer.widget.connects.refused", "reason", "busy").increment();
            session.client().disconnect();
        }
    }

    private void onDisconnect(SocketIOClient client) {
        WidgetSession session = sessions.remove(client.getSessionId());
        if (session == null) return;
        sessionsByVisitor.computeIfPresent(session.visitor().key(), (k, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }

    private void onMessage(SocketIOClient client, Object data, AckRequest ackRequest) {
        received.increment();
        WidgetSession session = sessions.get(client.getSessionId());
        if (session == null) return; // disconnecting
        WirePayloads.Inbound in = WirePayloads.parseMessage(data);
        if (in == null) {
            refuse(ackRequest, "bad_request");
            return;
        }
        String key = session.visitor().key();
        if (!perVisitor.tryAcquire(key) || !perIp.tryAcquire(session.ip())) {
            refuse(ackRequest, "rate_limited", in.text());
            return;
        }
        boolean queued = lanes.submit(key, () -> handleMessage(session, in, ackRequest));
        if (!queued) refuse(ackRequest, "busy", in.text());
    }

    /** On the visitor's lane: store, ack, then answer (the ack always goes out before the reply). */
    private void handleMessage(WidgetSession session, WirePayloads.Inbound in, AckRequest ackRequest) {
        Ack ack;
        try {
            if (!mayOpenConversation(session)) {
                refuse(ackRequest, "too_many_conversations", in.text());
                return;
            }
            ack = engine.receive(session.visitor(), in.clientMsgId(), in.text());
        } catch (RuntimeException e) {
            log.warn("widget message failed for {}: {}", session.visitor().key(), e.toString());
            refuse(ackRequest, "unavailable", in.text());
            return;
        }
        countAck(ack.ok() ? (ack.duplicate() ? "duplicate" : "ok") : ack.error());
        sendAck(ackRequest, WirePayloads.ack(ack));
        if (!ack.ok() || ack.duplicate()) return;
        try {
            engine.respond(ack);
        } catch (RuntimeException e) {
            // the message is stored and acked; a failed answer must not kill the lane
            log.warn("answering {} failed: {}", session.visitor().key(), e.toString());
        }
    }

    /**
     * Whether this visitor may chat now under the per-IP new-conversation limit: always when they have an open
     * conversation; otherwise opening one takes a token of their IP's hourly budget. On a worker lane (reads storage).
     */
    private boolean mayOpenConversation(WidgetSession session) {
        if (settings.newConversationsPerHourPerIp() <= 0) return true;
        if (engine.openConversationOf(session.visitor()).isPresent()) return true;
        if (newConversationsPerIp.tryAcquire(session.ip())) return true;
        metrics.counter("xiaoer.widget.conversations.refused", "reason", "ip_limit").increment();
        return false;
    }

    private void onTyping(SocketIOClient client, Object data) {
        WidgetSession session = sessions.get(client.getSessionId());
        Boolean on = WirePayloads.parseTyping(data);
        if (session == null || on == null) return;
        // best effort: a typing hint is dropped rather than queued behind a full lane
        lanes.submit(session.visitor().key(), () -> {
            try {
                engine.shopperTyping(session.visitor(), on);
            } catch (RuntimeException e) {
                log.debug("typing failed for {}: {}", session.visitor().key(), e.toString());
            }
        });
    }

    private void refuse(AckRequest ackRequest, String code) {
        refuse(ackRequest, code, null);
    }

    /** Refused with the text for a person, in the language of the shopper's refused message when there is one. */
    private void refuse(AckRequest ackRequest, String code, String shopperText) {
        countAck(code);
        sendAck(ackRequest, WirePayloads.ackError(code, texts.in(ShopperLanguage.of(shopperText)).get("error." + code)));
    }

    private static void sendAck(AckRequest ackRequest, Map<String, Object> payload) {
        if (ackRequest.isAckRequested()) ackRequest.sendAckData(payload);
    }

    private void countAck(String result) {
        metrics.counter("xiaoer.widget.acks", "result", result).increment();
    }

    // ---- engine events → this node's sockets ----

    private void onEngineEvent(EngineEvent event) {
        if (event instanceof ChatEvent e) {
            // the shopper's own messages are shown by the sender at once and come back only on replay
            if (e.internal() || e.from() == Sender.SHOPPER) return;
            Set<WidgetSession> targets = sessionsByVisitor.get(e.visitorKey());
            if (targets != null) for (WidgetSession s : targets) s.deliver(e);
        } else if (event instanceof TypingEvent t && t.from() != Sender.SHOPPER) {
            Set<WidgetSession> targets = sessionsByVisitor.get(t.visitorKey());
            if (targets != null) {
                Map<String, Object> payload = WirePayloads.typing(t.from(), t.on());
                for (WidgetSession s : targets) s.client().sendEvent("typing", payload);
            }
        }
    }
}
