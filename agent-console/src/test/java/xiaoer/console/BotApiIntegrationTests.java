package xiaoer.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The fixed explain and lint contracts, called the way outside tools call them: no log-in, no CSRF token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class BotApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    private org.springframework.test.web.servlet.ResultActions call(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void explainReturnsTheWholeDecision() throws Exception {
        call("/api/bot/explain", "{\"text\":\"发什么快递\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value(anyOf(is("answer"), is("suggest"), is("handoff"))))
                .andExpect(jsonPath("$.scriptId").exists())
                .andExpect(jsonPath("$.score").isNumber())
                .andExpect(jsonPath("$.candidates").isArray())
                .andExpect(jsonPath("$.candidates[0].scriptId").value(notNullValue()))
                .andExpect(jsonPath("$.candidates[0].score").isNumber())
                .andExpect(jsonPath("$.candidates[0].matchedTerms").isArray())
                .andExpect(jsonPath("$.customerType").hasJsonPath())
                .andExpect(jsonPath("$.cues").isArray())
                .andExpect(jsonPath("$.lint").isArray())
                .andExpect(jsonPath("$.text").isString())
                .andExpect(jsonPath("$.tokens").isArray())
                .andExpect(jsonPath("$.quickReplies").isArray())
                .andExpect(jsonPath("$.handoffReason").hasJsonPath())
                .andExpect(jsonPath("$.semanticUsed").isBoolean());
    }

    @Test
    void explainHandOffWritesScriptIdAsNull() throws Exception {
        call("/api/bot/explain", "{\"text\":\"量子纠缠的薛定谔方程怎么推导\",\"lang\":\"zh\",\"history\":[\"你好\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("handoff"))
                .andExpect(jsonPath("$.scriptId").hasJsonPath())
                .andExpect(jsonPath("$.scriptId").value(nullValue()))
                .andExpect(jsonPath("$.handoffReason").value(notNullValue()));
    }

    @Test
    void explainRefusesEmptyOversizedAndMalformedInput() throws Exception {
        call("/api/bot/explain", "{\"text\":\"   \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("empty"));
        call("/api/bot/explain", "{}").andExpect(status().isBadRequest());
        call("/api/bot/explain", "{\"text\":\"" + "啊".repeat(2001) + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("too_long"));
        call("/api/bot/explain", "{\"text\":").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("malformed"));
        call("/api/bot/explain", "{\"text\":\"hi\",\"lang\":\"fr\"}").andExpect(status().isBadRequest());
        call("/api/bot/explain", "{\"text\":\"hi\",\"history\":\"not a list\"}").andExpect(status().isBadRequest());
    }

    @Test
    void lintFindsForbiddenPhrasesInBothScripts() throws Exception {
        call("/api/lint", "{\"text\":\"这个我不知道\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[0].kind").value("forbidden"))
                .andExpect(jsonPath("$.findings[0].rule").value(notNullValue()))
                .andExpect(jsonPath("$.findings[0].start").isNumber())
                .andExpect(jsonPath("$.findings[0].end").isNumber());
        call("/api/lint", "{\"text\":\"這個我不知道\"}").andExpect(jsonPath("$.findings[0].kind").value("forbidden"));
        call("/api/lint", "{\"text\":\"您好,很高兴为您服务\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.findings.length()").value(0));
        call("/api/lint", "{}").andExpect(status().isBadRequest());
    }
}
