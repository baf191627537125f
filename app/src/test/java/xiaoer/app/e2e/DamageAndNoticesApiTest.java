package xiaoer.app.e2e;

import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import xiaoer.channels.widget.TestWidgetClient;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.Visitor;
import xiaoer.engine.shop.damage.DamageDesk;
import xiaoer.engine.shop.damage.UploadTokens;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 6 on the whole app (H2): staff acting on records reach the shopper's widget; photo uploads are checked and
 * bound by their token; damage reports need their sign-offs before the lead decides; the lead's KPI data.
 */
class DamageAndNoticesApiTest extends EndToEndTestBase {

    /** A real 2×2 PNG (uploads are parsed to take metadata out, so a bare header no longer passes). */
    static final byte[] PNG = png();

    private static byte[] png() {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB),
                    "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ChatEngine engine;

    @Autowired
    DamageDesk desk;

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder r, String name, String... roles) {
        return r.with(user(name).roles(roles)).with(csrf().asHeader());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body) {
        return r.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private MockHttpServletRequestBuilder upload(String token, byte[] body) {
        MockHttpServletRequestBuilder r = post("/api/widget/uploads").contentType(MediaType.APPLICATION_OCTET_STREAM).content(body);
        return token == null ? r : r.header("X-Upload-Token", token);
    }

    private long photos(String visitor) {
        return jdbc.queryForObject("select count(*) from shop_attachments where visitor_id = ?", Long.class, visitor);
    }

    @Test
    void uploadsAreImagesWithinLimitsBoundToTheTokensConversationAndServedToStaffOnly() throws Exception {
        String visitor = "up-" + UUID.randomUUID();
        try (TestWidgetClient shopper = TestWidgetClient.to(WIDGET_PORT).visitor(visitor).open().awaitConnected()) {
            shopper.awaitMessages(1);
            Conversation c = engine.openConversationOf(Visitor.anonymous("default", visitor)).orElseThrow();
            String token = desk.issueToken("default", visitor, c.id());

            mvc.perform(upload(null, PNG)).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("token"));
            mvc.perform(upload(token, "<svg onload=alert(1)>".getBytes())).andExpect(status().isUnsupportedMediaType())
                    .andExpect(jsonPath("$.message", containsString("只能上传图片")));
            byte[] big = new byte[5 * 1024 * 1024 + 1];
            System.arraycopy(PNG, 0, big, 0, PNG.length);
            mvc.perform(upload(token, big)).andExpect(status().isPayloadTooLarge())
                    .andExpect(jsonPath("$.message", containsString("5 MB")));
            // another visitor's payload under this token's signature
            String other = desk.issueToken("default", "someone-else", c.id());
            String forged = other.substring(0, other.lastIndexOf('.')) + token.substring(token.lastIndexOf('.'));
            mvc.perform(upload(forged, PNG)).andExpect(status().isUnauthorized());
            mvc.perform(upload(UploadTokens.random().issue("default", visitor, c.id(), Instant.now().plusSeconds(60)), PNG))
                    .andExpect(status().isUnauthorized());
            // a cross-origin page not in the allowed origins is refused
            mvc.perform(upload(token, PNG).header("Origin", "https://evil.example")).andExpect(status().isForbidden());
            assertThat(photos(visitor)).as("nothing stored on refusal").isZero();

            MvcResult ok = mvc.perform(upload(token, PNG)).andExpect(status().isCreated())
                    .andExpect(jsonPath("$.mediaType").value("image/png")).andReturn();
            String id = new JSONObject(ok.getResponse().getContentAsString()).getString("id");
            assertThat(photos(visitor)).isEqualTo(1);
            List<ChatEvent> history = engine.history(c.id());
            assertThat(history).anyMatch(e -> "[图片]".equals(e.text()) && id.equals(e.meta().get("attachmentId")));
            shopper.awaitMessages(1, m -> m.optString("text").contains("收到您的照片"));

            mvc.perform(get("/api/console/shop/attachments/{id}", id)).andExpect(status().isUnauthorized());
            mvc.perform(as(get("/api/console/shop/attachments/{id}", id), "agent", "AGENT")).andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "image/png"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(content().bytes(PNG));
            mvc.perform(as(get("/api/console/shop/attachments/{id}", "nope"), "agent", "AGENT")).andExpect(status().isNotFound());
            mvc.perform(as(get("/api/console/shop/attachments/{id}", id), "trainer", "TRAINER")).andExpect(status().isForbidden());
        }
    }

    @Test
    void aDamageReportIsSignedByAnAgentAndALeadThenDecidedAndTheShopperIsTold() throws Exception {
        String visitor = "dmg-" + UUID.randomUUID();
        try (TestWidgetClient shopper = TestWidgetClient.to(WIDGET_PORT).visitor(visitor).open().awaitConnected()) {
            shopper.awaitMessages(1);
            Conversation c = engine.openConversationOf(Visitor.anonymous("default", visitor)).orElseThrow();
            mvc.perform(upload(desk.issueToken("default", visitor, c.id()), PNG)).andExpect(status().isCreated());

            mvc.perform(as(json(post("/api/console/shop/damage-reports"), "{\"conversationId\":\"" + c.id()
                    + "\",\"kind\":\"BROKEN\"}"), "agent", "AGENT")).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.fields.kind").exists());
            mvc.perform(as(json(post("/api/console/shop/damage-reports"), "{\"conversationId\":\"nope\",\"kind\":\"DAMAGED\"}"),
                    "agent", "AGENT")).andExpect(status().isNotFound());
            mvc.perform(as(json(post("/api/console/shop/damage-reports"), "[1]"), "agent", "AGENT"))
                    .andExpect(status().isBadRequest());
            MvcResult opened = mvc.perform(as(json(post("/api/console/shop/damage-reports"), "{\"conversationId\":\""
                            + c.id() + "\",\"kind\":\"DAMAGED\",\"orderNo\":\"DD20261124001\",\"description\":\"收到是坏的\"}"),
                    "agent", "AGENT")).andExpect(status().isCreated())
                    .andExpect(jsonPath("$.attachmentIds.length()").value(1)).andReturn();
            String id = new JSONObject(opened.getResponse().getContentAsString()).getString("id");
            String url = "/api/console/shop/damage-reports/" + id;

            mvc.perform(as(json(post(url + "/decision"), "{\"decision\":\"RESEND\"}"), "lead", "LEAD", "AGENT"))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("sign_offs_missing"));
            mvc.perform(as(json(post(url + "/sign-offs"), "{\"note\":\"照片清楚\"}"), "agent", "AGENT"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.signOffs[0].role").value("AGENT"))
                    .andExpect(jsonPath("$.signOffs[0].by").value("agent"));
            mvc.perform(as(json(post(url + "/sign-offs"), "{}"), "agent", "AGENT")).andExpect(status().isConflict());
            mvc.perform(as(json(post(url + "/sign-offs"), "{\"role\":\"LEAD\"}"), "agent2", "AGENT"))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("sign_off_role"));
            mvc.perform(as(json(post(url + "/sign-offs"), "{}"), "lead", "LEAD", "AGENT")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.signOffs[1].role").value("LEAD"));
            mvc.perform(as(json(post(url + "/decision"), "{\"decision\":\"RESEND\"}"), "agent", "AGENT"))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("decide_role"));
            mvc.perform(as(json(post(url + "/decision"), "{\"decision\":\"LATER\"}"), "lead", "LEAD"))
                    .andExpect(status().isBadRequest());
            mvc.perform(as(json(post(url + "/decision"), "{\"decision\":\"RESEND\",\"note\":\"补发一件新的\"}"), "lead", "LEAD"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.decision").value("RESEND"))
                    .andExpect(jsonPath("$.decidedBy").value("lead")).andExpect(jsonPath("$.decidedAt").exists());
            shopper.awaitMessages(1, m -> m.optString("text").contains("重新发货") && "system".equals(m.optString("from")));

            mvc.perform(as(get("/api/console/shop/damage-reports").param("conversationId", c.id()), "agent", "AGENT"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.reports[0].decision").value("RESEND"))
                    .andExpect(jsonPath("$.attachments.length()").value(1));
        }
    }

    @Test
    void aReturnMoveAndATicketResultReachTheShoppersWidget() throws Exception {
        String visitor = "ntc-" + UUID.randomUUID();
        try (TestWidgetClient shopper = TestWidgetClient.to(WIDGET_PORT).visitor(visitor).open().awaitConnected()) {
            shopper.awaitMessages(1);
            Conversation c = engine.openConversationOf(Visitor.anonymous("default", visitor)).orElseThrow();
            jdbc.update("delete from shop_return_steps where return_id in (select id from shop_returns where order_no = 'DD20261124001')");
            jdbc.update("delete from shop_returns where order_no = 'DD20261124001'");
            MvcResult r = mvc.perform(as(json(post("/api/console/shop/returns"), "{\"orderNo\":\"DD20261124001\","
                    + "\"kind\":\"EXCHANGE\",\"reason\":\"尺码不合适\",\"conversationId\":\"" + c.id() + "\"}"), "agent", "AGENT"))
                    .andExpect(status().isCreated()).andReturn();
            String returnId = new JSONObject(r.getResponse().getContentAsString()).getString("id");
            mvc.perform(as(json(post("/api/console/shop/returns/{id}/moves", returnId),
                    "{\"to\":\"APPROVED\",\"conversationId\":\"" + c.id() + "\"}"), "agent", "AGENT"))
                    .andExpect(status().isOk()).andExpect(header().string("X-Shopper-Notified", "true"));
            shopper.awaitMessages(1, m -> m.optString("text").contains("审核通过") && m.optString("text").contains("换货"));
            mvc.perform(as(json(post("/api/console/shop/returns/{id}/moves", returnId), "{\"to\":\"REFUNDED\"}"), "agent", "AGENT"))
                    .andExpect(status().isConflict());
            mvc.perform(as(json(post("/api/console/shop/returns/{id}/moves", returnId), "{\"to\":\"PARCEL_SENT_BACK\","
                    + "\"note\":\"这种事不关我的事\"}"), "agent", "AGENT")).andExpect(status().is4xxClientError());

            MvcResult t = mvc.perform(as(json(post("/api/console/shop/tickets"), "{\"conversationId\":\"" + c.id()
                    + "\",\"kind\":\"INQUIRY\",\"subject\":\"物流延误\"}"), "agent", "AGENT")).andExpect(status().isCreated()).andReturn();
            String number = new JSONObject(t.getResponse().getContentAsString()).getString("number");
            mvc.perform(as(json(post("/api/console/shop/tickets/{n}/result", number),
                    "{\"result\":\"已联系快递公司，包裹明天派送\"}"), "agent", "AGENT"))
                    .andExpect(status().isOk()).andExpect(header().string("X-Shopper-Notified", "true"));
            shopper.awaitMessages(1, m -> m.optString("text").contains(number) && m.optString("text").contains("明天派送"));
        }
    }

    @Test
    void theLeadsKpiDataHasEveryMeasureWithItsFormulaAndTheOverdueList() throws Exception {
        mvc.perform(as(get("/api/lead/kpis").param("months", "6"), "agent", "AGENT")).andExpect(status().isForbidden());
        mvc.perform(as(get("/api/lead/kpis").param("months", "0"), "lead", "LEAD")).andExpect(status().isBadRequest());
        mvc.perform(as(get("/api/lead/kpis").param("months", "6"), "lead", "LEAD")).andExpect(status().isOk())
                .andExpect(jsonPath("$.months.length()").value(6))
                .andExpect(jsonPath("$.months[5].kpis.length()").value(5))
                .andExpect(jsonPath("$.months[5].kpis[0].formula").exists())
                .andExpect(jsonPath("$.months[5].kpis[0].target.ratio").exists())
                .andExpect(jsonPath("$.overdue").isArray());
        mvc.perform(as(get("/console/kpi"), "lead", "LEAD")).andExpect(status().is3xxRedirection());
        mvc.perform(as(get("/console/lead/kpi"), "lead", "LEAD")).andExpect(status().isOk());
        mvc.perform(as(get("/console/lead/kpi"), "agent", "AGENT")).andExpect(status().isForbidden());
    }
}
