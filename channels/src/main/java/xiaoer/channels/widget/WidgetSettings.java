package xiaoer.channels.widget;

import java.util.List;

/**
 * Limits and addresses of the widget's socket.io server; the app binds them from configuration
 * ({@code xiaoer.widget.*}). The longest message is the engine's limit ({@code EngineSettings.maxMessageLength}), so it
 * is not repeated here.
 *
 * @param host                     address to bind
 * @param port                     socket.io port (the contract's default is 9092)
 * @param allowedOrigins           browser origins allowed to open the widget, e.g. {@code https://shop.example};
 *                                 empty = any origin (the embedded default). When set, a handshake without an allowed
 *                                 {@code Origin} header is refused.
 * @param maxFramePayloadBytes     largest WebSocket frame accepted
 * @param maxHttpContentBytes      largest HTTP (long-polling) request body accepted
 * @param workerThreads            serial lanes that run engine calls off the Netty event loop
 * @param queueCapacityPerWorker   tasks that may wait per lane; beyond that a message is acked {@code busy}
 * @param pingIntervalMs           Engine.IO ping interval
 * @param pingTimeoutMs            Engine.IO ping timeout
 * @param messagesPerMinutePerVisitor shopper messages per minute per visitor (0 = no limit)
 * @param messagesPerMinutePerIp   shopper messages per minute per client IP (0 = no limit)
 * @param trustForwardedFor        take the client IP from the last {@code X-Forwarded-For} entry (only behind a
 *                                 reverse proxy that sets it; otherwise a client could choose its own IP)
 * @param newConversationsPerHourPerIp conversations one client IP may open per hour (0 = no limit); beyond it the
 *                                 shopper's message is refused with {@code too_many_conversations}
 */
public record WidgetSettings(String host, int port, List<String> allowedOrigins, int maxFramePayloadBytes,
                             int maxHttpContentBytes, int workerThreads, int queueCapacityPerWorker,
                             int pingIntervalMs, int pingTimeoutMs, int messagesPerMinutePerVisitor,
                             int messagesPerMinutePerIp, boolean trustForwardedFor, int newConversationsPerHourPerIp) {

    /** Without a new-conversation limit (0 = none). */
    public WidgetSettings(String host, int port, List<String> allowedOrigins, int maxFramePayloadBytes,
                          int maxHttpContentBytes, int workerThreads, int queueCapacityPerWorker, int pingIntervalMs,
                          int pingTimeoutMs, int messagesPerMinutePerVisitor, int messagesPerMinutePerIp,
                          boolean trustForwardedFor) {
        this(host, port, allowedOrigins, maxFramePayloadBytes, maxHttpContentBytes, workerThreads,
                queueCapacityPerWorker, pingIntervalMs, pingTimeoutMs, messagesPerMinutePerVisitor,
                messagesPerMinutePerIp, trustForwardedFor, 0);
    }

    public WidgetSettings {
        host = host == null || host.isBlank() ? "0.0.0.0" : host;
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("bad widget port " + port);
        if (maxFramePayloadBytes < 1024 || maxHttpContentBytes < 1024) {
            throw new IllegalArgumentException("widget frame/content limits must be at least 1024 bytes");
        }
        if (workerThreads < 1 || queueCapacityPerWorker < 1) {
            throw new IllegalArgumentException("widget workers and queue capacity must be positive");
        }
        if (pingIntervalMs < 1 || pingTimeoutMs < 1) throw new IllegalArgumentException("bad ping settings");
        if (messagesPerMinutePerVisitor < 0 || messagesPerMinutePerIp < 0 || newConversationsPerHourPerIp < 0) {
            throw new IllegalArgumentException("rate limits must not be negative");
        }
    }

    /** Serial lanes of the embedded default. */
    public static final int DEFAULT_LANES = 256;

    /** The embedded default: any origin, 64 KiB frames, 30 messages/min per visitor, 300/min per IP. */
    public static WidgetSettings defaults() {
        // 256 lanes: a lane mostly waits for its store commits (two per message: the shopper's and the reply), and
        // every lane waiting at once joins the same group commit (16 lanes capped a commit at 16 appends). With 64, the
        // ~16 shoppers sharing a lane at 1,000 shoppers queued behind each other's commits (paced bench: reply p50
        // 20 -> 14 ms, p99 345 -> 269 ms with 256). The CPU-bound part is bounded by the cores, not the lanes.
        // 1000 queued tasks per lane: 250 refused (and disconnected) ~5 % of 10,000 widgets connecting at 1000/s
        return new WidgetSettings("0.0.0.0", 9092, List.of(), 64 * 1024, 64 * 1024, DEFAULT_LANES, 1000,
                25_000, 20_000, 30, 300, false);
    }

    public WidgetSettings withAddress(String host, int port) {
        return new WidgetSettings(host, port, allowedOrigins, maxFramePayloadBytes, maxHttpContentBytes,
                workerThreads, queueCapacityPerWorker, pingIntervalMs, pingTimeoutMs, messagesPerMinutePerVisitor,
                messagesPerMinutePerIp, trustForwardedFor, newConversationsPerHourPerIp);
    }

    public WidgetSettings withAllowedOrigins(List<String> origins) {
        return new WidgetSettings(host, port, origins, maxFramePayloadBytes, maxHttpContentBytes,
                workerThreads, queueCapacityPerWorker, pingIntervalMs, pingTimeoutMs, messagesPerMinutePerVisitor,
                messagesPerMinutePerIp, trustForwardedFor, newConversationsPerHourPerIp);
    }

    public WidgetSettings withRateLimits(int perVisitorPerMinute, int perIpPerMinute) {
        return new WidgetSettings(host, port, allowedOrigins, maxFramePayloadBytes, maxHttpContentBytes,
                workerThreads, queueCapacityPerWorker, pingIntervalMs, pingTimeoutMs, perVisitorPerMinute,
                perIpPerMinute, trustForwardedFor, newConversationsPerHourPerIp);
    }

    public WidgetSettings withNewConversationsPerHourPerIp(int perHour) {
        return new WidgetSettings(host, port, allowedOrigins, maxFramePayloadBytes, maxHttpContentBytes,
                workerThreads, queueCapacityPerWorker, pingIntervalMs, pingTimeoutMs, messagesPerMinutePerVisitor,
                messagesPerMinutePerIp, trustForwardedFor, perHour);
    }

    public WidgetSettings withWorkers(int threads, int queueCapacityPerThread) {
        return new WidgetSettings(host, port, allowedOrigins, maxFramePayloadBytes, maxHttpContentBytes,
                threads, queueCapacityPerThread, pingIntervalMs, pingTimeoutMs, messagesPerMinutePerVisitor,
                messagesPerMinutePerIp, trustForwardedFor, newConversationsPerHourPerIp);
    }
}
