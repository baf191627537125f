package xiaoer.app.security;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import xiaoer.app.XiaoerApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.UUID;

/**
 * The whole product on its embedded default (H2, demo data on) on free ports, with MockMvc as well as the real
 * HTTP port. The security and fuzz tests share this one application context (same configuration = Spring's test
 * context cache hands out the same instance).
 */
@SpringBootTest(classes = XiaoerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
public abstract class SecurityTestBase {

    public static final int WIDGET_PORT = freePort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("xiaoer.widget.port", () -> WIDGET_PORT);
        registry.add("xiaoer.widget.host", () -> "127.0.0.1");
        registry.add("xiaoer.data-dir", () -> "./target/test-data/" + UUID.randomUUID());
        registry.add("xiaoer.engine.human-hours.from", () -> "00:00");
        registry.add("xiaoer.engine.human-hours.to", () -> "00:00");
        // the fuzz and XSS tests send many messages from 127.0.0.1: rate limits are tested elsewhere
        registry.add("xiaoer.widget.messages-per-minute-per-visitor", () -> 0);
        registry.add("xiaoer.widget.messages-per-minute-per-ip", () -> 0);
        registry.add("xiaoer.widget.new-conversations-per-hour-per-ip", () -> 0);
    }

    @LocalServerPort
    protected int httpPort;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MockMvc mvc;

    protected String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
