package xiaoer.app.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.UUID;

/** What every test of the whole product on its embedded default sets: free ports, a fresh data directory. */
public final class EmbeddedApp {

    private EmbeddedApp() {
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The widget on {@code widgetPort} at 127.0.0.1, a fresh H2 data directory, and people on duty around the clock so
     * hand-offs queue whatever time the tests run.
     */
    public static void register(DynamicPropertyRegistry registry, int widgetPort) {
        registry.add("xiaoer.widget.port", () -> widgetPort);
        registry.add("xiaoer.widget.host", () -> "127.0.0.1");
        registry.add("xiaoer.data-dir", () -> "./target/test-data/" + UUID.randomUUID());
        registry.add("xiaoer.engine.human-hours.from", () -> "00:00");
        registry.add("xiaoer.engine.human-hours.to", () -> "00:00");
    }
}
