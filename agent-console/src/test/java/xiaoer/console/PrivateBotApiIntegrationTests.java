package xiaoer.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A production set-up closes the bot API to people without a role. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "xiaoer.api.public-bot-api=false")
@AutoConfigureMockMvc
class PrivateBotApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theBotApiNeedsARoleWhenNotPublic() throws Exception {
        mvc.perform(post("/api/lint").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"您好\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/lint").with(user("trainer").roles("TRAINER"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"您好\"}"))
                .andExpect(status().isOk());
    }
}
