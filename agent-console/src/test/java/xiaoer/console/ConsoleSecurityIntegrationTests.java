package xiaoer.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class ConsoleSecurityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Shoppers shoppers;

    @Test
    void anonymousPageVisitIsSentToLogin() throws Exception {
        mvc.perform(get("/console")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void anonymousApiCallGets401Json() throws Exception {
        mvc.perform(get("/api/console/queue")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
    }

    @Test
    void trainerIsRefusedTheConsoleApi() throws Exception {
        mvc.perform(get("/api/console/queue").with(user("trainer").roles("TRAINER")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("forbidden"));
        mvc.perform(get("/console").with(user("trainer").roles("TRAINER"))).andExpect(status().isForbidden());
    }

    @Test
    void agentLeadAndAdminMayUseTheConsole() throws Exception {
        for (String role : new String[] {"AGENT", "LEAD", "ADMIN"}) {
            mvc.perform(get("/api/console/queue").with(user("u-" + role).roles(role))).andExpect(status().isOk());
        }
        mvc.perform(get("/console").with(user("agent").roles("AGENT")))
                .andExpect(status().isOk()).andExpect(forwardedUrl("/console/index.html"));
    }

    @Test
    void trainerPageIsForTrainersLeadsAndAdminsOnly() throws Exception {
        mvc.perform(get("/trainer").with(user("trainer").roles("TRAINER"))).andExpect(status().isOk());
        mvc.perform(get("/trainer").with(user("lead").roles("LEAD"))).andExpect(status().isOk());
        mvc.perform(get("/trainer").with(user("agent").roles("AGENT"))).andExpect(status().isForbidden());
    }

    @Test
    void consolePostsNeedTheCsrfToken() throws Exception {
        String id = shoppers.waiting().id();
        mvc.perform(post("/api/console/conversations/{id}/accept", id).with(user("agent").roles("AGENT")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("csrf"));
        mvc.perform(post("/api/console/conversations/{id}/accept", id).with(user("agent").roles("AGENT"))
                .with(csrf().useInvalidToken())).andExpect(status().isForbidden());
        mvc.perform(post("/api/console/conversations/{id}/accept", id).with(user("agent").roles("AGENT"))
                .with(csrf().asHeader())).andExpect(status().isOk());
    }

    @Test
    void loginPageCarriesTheCsrfTokenAndEscapesNothingUnsafe() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("登录")));
    }

    @Test
    void formLoginWithTheRightPasswordOpensTheConsole() throws Exception {
        mvc.perform(post("/login").param("username", "agent").param("password", ConsoleTestApplication.PASSWORD)
                .with(csrf())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/console"));
        mvc.perform(post("/login").param("username", "agent").param("password", "wrong").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").param("username", "agent").param("password", ConsoleTestApplication.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void passwordsAreHashedWithBcrypt() {
        assertThat(encoder).isInstanceOf(BCryptPasswordEncoder.class);
        assertThat(encoder.encode("x")).startsWith("$2");
    }

    @Test
    void meTellsThePageWhoIsLoggedInAndTheCsrfHeader() throws Exception {
        MvcResult result = mvc.perform(get("/api/me").with(user("agent").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("小美"))
                .andExpect(jsonPath("$.roles[0]").value("AGENT"))
                .andExpect(jsonPath("$.csrf.headerName").value("X-CSRF-TOKEN"))
                .andReturn();
        assertThat(result.getResponse().getContentAsString()).contains("\"token\"");
    }

    @Test
    void loginAssetsArePublicConsoleAssetsAreNot() throws Exception {
        mvc.perform(get("/login/login.css")).andExpect(status().isOk());
        mvc.perform(get("/console/console.js")).andExpect(status().is3xxRedirection());
    }
}
