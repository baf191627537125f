package xiaoer.channels.widget;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import org.json.JSONObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A widget as the tests drive it: the real Java socket.io v4 client. Every ack and server event is appended to one
 * log in arrival order (the client calls back on a single event thread), so tests can check "ack before reply".
 */
public final class TestWidgetClient implements AutoCloseable {

    /** One thing that arrived: an ack for {@code clientMsgId}, a {@code message} or a {@code typing} event. */
    public record Arrival(String kind, String clientMsgId, JSONObject body) {
    }

    private final Socket socket;
    private final List<Arrival> log = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> connected = new CompletableFuture<>();

    private TestWidgetClient(Socket socket) {
        this.socket = socket;
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(null));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
                new IllegalStateException("connect_error " + (args.length > 0 ? args[0] : ""))));
        socket.on("message", args -> log.add(new Arrival("message", null, (JSONObject) args[0])));
        socket.on("typing", args -> log.add(new Arrival("typing", null, (JSONObject) args[0])));
    }

    public static Builder to(int port) {
        return new Builder(port);
    }

    public static final class Builder {
        private final int port;
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private boolean websocketOnly = true;

        Builder(int port) {
            this.port = port;
        }

        public Builder param(String name, Object value) {
            query.put(name, String.valueOf(value));
            return this;
        }

        public Builder visitor(String id) {
            return param("visitor", id);
        }

        public Builder origin(String origin) {
            headers.put("Origin", List.of(origin));
            return this;
        }

        /** Long-polling first, then the upgrade to WebSocket (what browsers do by default). */
        public Builder pollingFirst() {
            websocketOnly = false;
            return this;
        }

        public TestWidgetClient open() {
            StringBuilder q = new StringBuilder();
            query.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(k).append('=')
                    .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
            IO.Options options = IO.Options.builder()
                    .setForceNew(true).setReconnection(false).setTimeout(5000)
                    .setTransports(websocketOnly ? new String[]{"websocket"} : new String[]{"polling", "websocket"})
                    .setQuery(q.toString()).setExtraHeaders(headers).build();
            TestWidgetClient c = new TestWidgetClient(IO.socket(URI.create("http://127.0.0.1:" + port), options));
            c.socket.connect();
            return c;
        }
    }

    /** Waits for the connection; throws with the connect_error when refused. */
    public TestWidgetClient awaitConnected() throws Exception {
        connected.get(10, TimeUnit.SECONDS);
        return this;
    }

    /** Waits and tells whether the server refused the connection. */
    public boolean refused() throws Exception {
        try {
            connected.get(10, TimeUnit.SECONDS);
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    /** Emits {@code message} with an ack; the future completes with the ack's body. */
    public CompletableFuture<JSONObject> send(String clientMsgId, String text) {
        JSONObject payload = new JSONObject();
        try {
            payload.put("clientMsgId", clientMsgId);
            payload.put("text", text);
        } catch (org.json.JSONException e) {
            throw new IllegalStateException(e);
        }
        return sendRaw(clientMsgId, payload);
    }

    /** Emits {@code message} with any payload (for malformed-input tests). */
    public CompletableFuture<JSONObject> sendRaw(String label, Object payload) {
        CompletableFuture<JSONObject> ack = new CompletableFuture<>();
        socket.emit("message", new Object[]{payload}, (Ack) args -> {
            JSONObject body = args.length > 0 && args[0] instanceof JSONObject j ? j : new JSONObject();
            log.add(new Arrival("ack", label, body));
            ack.complete(body);
        });
        return ack;
    }

    public void emit(String event, Object payload) {
        socket.emit(event, payload);
    }

    public List<Arrival> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public List<JSONObject> messages() {
        return log().stream().filter(a -> a.kind().equals("message")).map(Arrival::body).toList();
    }

    /** Waits until at least {@code count} server messages matching the filter arrived; returns all matching. */
    public List<JSONObject> awaitMessages(int count, Predicate<JSONObject> filter) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<JSONObject> matching = messages().stream().filter(filter).toList();
            if (matching.size() >= count) return matching;
            Thread.sleep(10);
        }
        throw new AssertionError("expected " + count + " messages, got " + messages());
    }

    public List<JSONObject> awaitMessages(int count) throws InterruptedException {
        return awaitMessages(count, m -> true);
    }

    @Override
    public void close() {
        socket.disconnect();
        socket.close();
    }
}
