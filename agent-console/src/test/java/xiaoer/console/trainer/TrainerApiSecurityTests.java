package xiaoer.console.trainer;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Who may use the trainer workspace: trainers, leads and admins; approval only leads and admins; CSRF on changes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class TrainerApiSecurityTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousVisitorsGetAJson401AndThePageRedirects() throws Exception {
        mvc.perform(get("/api/trainer/scripts")).andExpect(status().isUnauthorized());
        mvc.perform(get("/trainer")).andExpect(status().is3xxRedirection());
    }

    @Test
    void agentsAreRefused() throws Exception {
        mvc.perform(get("/api/trainer/scripts").with(user("agent").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/trainer/publish").with(user("agent").roles("AGENT")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(get("/trainer/index.html").with(user("agent").roles("AGENT"))).andExpect(status().isForbidden());
    }

    @Test
    void trainersLeadsAndAdminsMayRead() throws Exception {
        for (String role : new String[]{"TRAINER", "LEAD", "ADMIN"}) {
            mvc.perform(get("/api/trainer/scripts").with(user("u-" + role).roles(role))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].id").exists());
            mvc.perform(get("/api/trainer/releases").with(user("u-" + role).roles(role))).andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].number").isNumber());
        }
    }

    @Test
    void changesNeedTheCsrfToken() throws Exception {
        mvc.perform(post("/api/trainer/cases").with(user("trainer").roles("TRAINER"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"你好\",\"expectedScriptId\":\"greeting\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void onlyLeadsAndAdminsApprove() throws Exception {
        mvc.perform(post("/api/trainer/draft/approve").with(user("trainer").roles("TRAINER")).with(csrf()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("forbidden"));
        mvc.perform(post("/api/trainer/draft/approve").with(user("lead").roles("LEAD")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.approved").value(true))
                .andExpect(jsonPath("$.approvedBy").value("lead"));
    }
}
