package xiaoer.console.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The trainer's whole loop through the HTTP API on the real knowledge base (with embeddings): a new phrasing is
 * visible in the draft's explain before it is live, the regression run passes, publishing makes the live bot answer
 * with it without a restart, and rollback takes it back out. Publishing changes the shared live base, so this class
 * gets a context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TrainerPublishIntegrationTests {

    private static final String SENTENCE = "店小二你们家的吉祥物是只什么动物呀";
    private static final String SCRIPT = "greeting";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    private static RequestPostProcessor trainer() {
        return user("trainer").roles("TRAINER");
    }

    private JsonNode call(MockHttpServletRequestBuilder request, int status) throws Exception {
        String body = mvc.perform(request.with(trainer()).with(csrf())).andExpect(status().is(status))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return body.isEmpty() ? null : JSON.readTree(body);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private JsonNode liveExplain(String text) throws Exception {
        return JSON.readTree(mvc.perform(json(post("/api/bot/explain"), "{\"text\":\"" + text + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aPublishedPhrasingIsAnsweredLiveWithoutARestartAndRollbackTakesItOut() throws Exception {
        assertThat(liveExplain(SENTENCE).path("scriptId").asString(null)).isNotEqualTo(SCRIPT);

        call(json(post("/api/trainer/scripts/" + SCRIPT + "/phrasings"), "{\"question\":\"" + SENTENCE + "\"}"), 200);

        JsonNode draft = call(json(post("/api/trainer/explain"), "{\"text\":\"" + SENTENCE + "\"}"), 200);
        assertThat(draft.path("target").asString()).isEqualTo("draft");
        assertThat(draft.path("explanation").path("scriptId").asString(null)).isEqualTo(SCRIPT);
        assertThat(draft.path("thresholds").path("answer").isNumber()).isTrue();
        // not live yet
        assertThat(liveExplain(SENTENCE).path("scriptId").asString(null)).isNotEqualTo(SCRIPT);

        call(json(post("/api/trainer/cases"), "{\"text\":\"" + SENTENCE + "\",\"expectedScriptId\":\"" + SCRIPT + "\"}"), 201);
        call(json(post("/api/trainer/cases"), "{\"text\":\"量子纠缠的薛定谔方程怎么推导\",\"expectedScriptId\":null}"), 201);
        JsonNode run = call(post("/api/trainer/cases/run"), 200);
        assertThat(run.path("failed").asInt()).as(run.toString()).isZero();
        assertThat(run.path("total").asInt()).isEqualTo(2);

        JsonNode check = call(post("/api/trainer/publish/check"), 200);
        assertThat(check.path("ready").asBoolean()).as(check.toString()).isTrue();
        JsonNode release = call(json(post("/api/trainer/publish"), "{\"note\":\"吉祥物问法\"}"), 201);
        int number = release.path("release").path("number").asInt();
        assertThat(number).isEqualTo(2);

        JsonNode live = liveExplain(SENTENCE);
        assertThat(live.path("decision").asString()).isEqualTo("answer");
        assertThat(live.path("scriptId").asString()).isEqualTo(SCRIPT);

        mvc.perform(get("/api/trainer/diff?from=1&to=2").with(trainer())).andExpect(status().isOk())
                .andExpect(jsonPath("$.changed[0].id").value(SCRIPT))
                .andExpect(jsonPath("$.changed[0].addedQuestions[0]").value(SENTENCE));
        mvc.perform(get("/api/trainer/audit").with(trainer())).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].action").value(hasItem("release.publish")))
                .andExpect(jsonPath("$[*].actor").value(hasItem("trainer")));

        JsonNode back = call(json(post("/api/trainer/releases/1/rollback"), "{\"note\":\"测试回滚\"}"), 201);
        assertThat(back.path("release").path("restoredFrom").asInt()).isEqualTo(1);
        assertThat(liveExplain(SENTENCE).path("scriptId").asString(null)).isNotEqualTo(SCRIPT);
    }

    @Test
    void aScriptsEnglishTranslationIsEditedCheckedAndKeptThroughTheApi() throws Exception {
        JsonNode current = call(get("/api/trainer/scripts/invoice"), 200);
        ObjectNode script = (ObjectNode) current.path("script").deepCopy();
        long version = current.path("version").asLong();
        assertThat(script.path("translations").path("en").path("questions").size()).isGreaterThanOrEqualTo(15);

        ObjectNode bad = script.deepCopy();
        ((ObjectNode) bad.path("translations").path("en")).put("answer", "Sorry, I don't know.");
        JsonNode refused = call(json(put("/api/trainer/scripts/invoice"),
                "{\"script\":" + bad + ",\"version\":" + version + "}"), 422);
        assertThat(refused.path("problems").findValuesAsString("field")).contains("translations.en.answer");

        ObjectNode good = script.deepCopy();
        ((ObjectNode) good.path("translations").path("en")).put("answer", "Yes, we can issue an e-invoice for your order.");
        call(json(put("/api/trainer/scripts/invoice"), "{\"script\":" + good + ",\"version\":" + version + "}"), 200);
        call(json(post("/api/trainer/scripts/invoice/phrasings"), "{\"question\":\"my company needs a VAT receipt\"}"), 200);

        JsonNode saved = call(get("/api/trainer/scripts/invoice"), 200).path("script");
        assertThat(saved.path("answer").asString()).isEqualTo(script.path("answer").asString());
        assertThat(saved.path("translations").path("en").path("answer").asString())
                .isEqualTo("Yes, we can issue an e-invoice for your order.");
        assertThat(saved.path("translations").path("en").path("questions").toString())
                .contains("my company needs a VAT receipt");
        assertThat(saved.path("questions").toString()).doesNotContain("VAT receipt");
    }

    @Test
    void aScriptThatBreaksTheLintOrALockedFactIsRefusedWith422() throws Exception {
        JsonNode current = call(get("/api/trainer/scripts/shipping.carrier"), 200);
        ObjectNode script = (ObjectNode) current.path("script").deepCopy();
        long version = current.path("version").asLong();

        ObjectNode lint = script.deepCopy();
        lint.put("answer", lint.path("answer").asString() + " 这个我不知道,明天肯定到");
        JsonNode refused = call(json(put("/api/trainer/scripts/shipping.carrier"),
                "{\"script\":" + lint + ",\"version\":" + version + "}"), 422);
        assertThat(refused.path("error").asString()).isEqualTo("refused");
        assertThat(refused.path("problems").findValuesAsString("field")).contains("answer");
        assertThat(refused.path("problems").get(0).path("findings").get(0).path("kind").isString()).isTrue();

        ObjectNode fact = script.deepCopy();
        ((ObjectNode) fact.path("variants")).put("urgent", "亲,马上给您安排顺丰发出~");
        JsonNode factRefused = call(json(put("/api/trainer/scripts/shipping.carrier"),
                "{\"script\":" + fact + ",\"version\":" + version + "}"), 422);
        assertThat(factRefused.path("problems").findValuesAsString("field")).contains("variants.urgent");

        // nothing was saved
        assertThat(call(get("/api/trainer/scripts/shipping.carrier"), 200).path("version").asLong()).isEqualTo(version);
        // a stale version is a conflict
        call(json(put("/api/trainer/scripts/shipping.carrier"), "{\"script\":" + script + ",\"version\":" + (version + 5) + "}"), 409);
    }

    @Test
    void importIsPreviewedWithEveryErrorAndItsLineAndExportDownloads() throws Exception {
        String file = "{\\\"id\\\":\\\"a\\\",\\\"lang\\\":\\\"zh\\\",\\\"questions\\\":[\\\"你好\\\"],\\\"answer\\\":\\\"您好\\\"}\\n"
                + "{\\\"id\\\":\\\"b\\\",\\\"questions\\\":[],\\\"answer\\\":\\\"x\\\"}\\nnot json\\n";
        JsonNode plan = call(json(post("/api/trainer/import/preview"), "{\"text\":\"" + file + "\",\"format\":\"jsonl\"}"), 200);
        assertThat(plan.path("ok").asBoolean()).isFalse();
        assertThat(plan.path("errors").findValues("line").stream().map(JsonNode::asInt)).contains(2, 3);
        call(json(post("/api/trainer/import/apply"), "{\"text\":\"" + file + "\",\"format\":\"jsonl\",\"draftRevision\":"
                + plan.path("draftRevision").asLong() + "}"), 422);

        mvc.perform(get("/api/trainer/export?format=csv").with(trainer())).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("xiaoer-kb-draft.csv")));
        JsonNode list = call(get("/api/trainer/scripts?q=快递"), 200);
        assertThat(list.path("items").isArray()).isTrue();
        assertThat(((ArrayNode) list.path("items")).size()).isPositive();
        mvc.perform(get("/api/trainer/misses").with(trainer())).andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray()).andExpect(jsonPath("$[*].question").value(not(hasItem("x"))));
    }
}
