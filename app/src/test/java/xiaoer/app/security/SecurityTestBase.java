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
import xiaoer.app.testing.EmbeddedApp;


/**
 * The whole product on its embedded default (H2, demo data on) on free ports, with MockMvc as well as the real
 * HTTP port. The security and fuzz tests share this one application context (same configuration = Spring's test
 * context cache hands out the same instance).
 */
@SpringBootTest(classes = XiaoerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
public abstract class SecurityTestBase {

    public static final int WIDGET_PORT = EmbeddedApp.freePort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedApp.register(registry, WIDGET_PORT);
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
}
