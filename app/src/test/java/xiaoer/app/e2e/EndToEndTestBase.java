package xiaoer.app.e2e;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import xiaoer.app.XiaoerApplication;
import xiaoer.app.testing.EmbeddedApp;


/**
 * The whole product on its embedded default (H2 file database, in-process bus, demo data), on free ports. Subclasses
 * share one running application: a subclass must not change the context configuration (a second application would
 * try to bind the same widget port).
 */
@SpringBootTest(classes = XiaoerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc // on the base, so every end-to-end test shares one application (and one widget port)
abstract class EndToEndTestBase {

    static final int WIDGET_PORT = EmbeddedApp.freePort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedApp.register(registry, WIDGET_PORT);
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    JdbcTemplate jdbc;

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }
}
