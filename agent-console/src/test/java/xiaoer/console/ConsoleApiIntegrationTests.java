package xiaoer.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.Visitor;
import xiaoer.engine.chat.ConversationStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class ConsoleApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Shoppers shoppers;

    @Autowired
    ChatEngine engine;

    private static MockHttpServletRequestBuilder asAgent(MockHttpServletRequestBuilder request, String agent) {
        return request.with(user(agent).roles("AGENT")).with(csrf().asHeader());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void queueListsWaitingConversationsWithTheirWaitingTime() throws Exception {
        Conversation c = shoppers.waiting();
        mvc.perform(asAgent(get("/api/console/queue"), "agent")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(c.id())))
                .andExpect(jsonPath("$[?(@.id == '" + c.id() + "')].waitingSeconds").value(hasItem(greaterThanOrEqualTo(0))))
                .andExpect(jsonPath("$[?(@.id == '" + c.id() + "')].handoffReason").value(hasItem("keyword")));
    }

    @Test
    void exactlyOneOfTwoAgentsAcceptingAtOnceWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            String id = shoppers.waiting().id();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (String agent : List.of("agent", "agent2")) {
                    Callable<Integer> accept = () -> {
                        start.await();
                        return mvc.perform(asAgent(post("/api/console/conversations/{id}/accept", id), agent))
                                .andReturn().getResponse().getStatus();
                    };
                    results.add(pool.submit(accept));
                }
                start.countDown();
                List<Integer> statuses = List.of(results.get(0).get(), results.get(1).get());
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            } finally {
                pool.shutdownNow();
            }
            assertThat(engine.conversation(id).orElseThrow().status()).isEqualTo(ConversationStatus.AGENT);
        }
    }

    @Test
    void acceptingATakenConversationIsAClearConflict() throws Exception {
        String id = shoppers.waiting().id();
        mvc.perform(asAgent(post("/api/console/conversations/{id}/accept", id), "agent")).andExpect(status().isOk())
                .andExpect(jsonPath("$.agentName").value("小美"));
        mvc.perform(asAgent(post("/api/console/conversations/{id}/accept", id), "agent2"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("not_waiting"))
                .andExpect(jsonPath("$.message").value(notNullValue()));
        mvc.perform(asAgent(get("/api/console/mine"), "agent")).andExpect(jsonPath("$[*].id", hasItem(id)));
    }

    @Test
    void replyWithAForbiddenPhraseIsRefusedWithFindingsAndNotSent() throws Exception {
        String id = shoppers.ownedBy("agent").id();
        int before = engine.history(id).size();
        mvc.perform(json(asAgent(post("/api/console/conversations/{id}/reply", id), "agent"),
                        "{\"text\":\"这个我不知道\"}"))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.error").value("lint"))
                .andExpect(jsonPath("$.findings[0].kind").value("forbidden"))
                .andExpect(jsonPath("$.findings[0].start").value(notNullValue()))
                .andExpect(jsonPath("$.findings[0].suggestion").value(notNullValue()));
        assertThat(engine.history(id)).hasSize(before);
    }

    @Test
    void aCleanReplyIsStoredAndCaughtUpBySeq() throws Exception {
        String id = shoppers.ownedBy("agent").id();
        long lastSeq = engine.history(id).get(engine.history(id).size() - 1).seq();
        mvc.perform(json(asAgent(post("/api/console/conversations/{id}/reply", id), "agent"),
                        "{\"text\":\"您好,我帮您查一下。\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("agent"))
                .andExpect(jsonPath("$.seq").value((int) lastSeq + 1));
        mvc.perform(asAgent(get("/api/console/conversations/{id}/events", id).param("afterSeq", String.valueOf(lastSeq)), "agent"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].text").value("您好,我帮您查一下。"));
    }

    @Test
    void conversationDetailCarriesTheWholeHistoryWithNotes() throws Exception {
        String id = shoppers.ownedBy("agent").id();
        mvc.perform(json(asAgent(post("/api/console/conversations/{id}/note", id), "agent"), "{\"text\":\"老客户,注意语气\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.internal").value(true));
        mvc.perform(asAgent(get("/api/console/conversations/{id}", id), "agent")).andExpect(status().isOk())
                .andExpect(jsonPath("$.conversation.status").value("agent"))
                .andExpect(jsonPath("$.events[0].from").value("bot"))
                .andExpect(jsonPath("$.events[?(@.internal == true)].text").value(hasItem("老客户,注意语气")))
                .andExpect(jsonPath("$.lastSeq").value(notNullValue()))
                .andExpect(jsonPath("$.shopperLang").value("zh"));
    }

    @Test
    void theDetailTellsTheAgentTheShopperWritesInEnglish() throws Exception {
        Conversation c = shoppers.ownedBy("agent");
        Visitor shopper = new Visitor(c.shop(), c.visitorId(), c.verified(), c.customerName());
        engine.respond(engine.receive(shopper, "m-en-" + c.id(), "Can you ship it to Norway?"));
        mvc.perform(asAgent(get("/api/console/conversations/{id}", c.id()), "agent")).andExpect(status().isOk())
                .andExpect(jsonPath("$.shopperLang").value("en"));
    }

    @Test
    void theKnowledgeBaseSuggestsAnswersInTheShoppersLanguage() throws Exception {
        Conversation c = shoppers.ownedBy("agent");
        Visitor shopper = new Visitor(c.shop(), c.visitorId(), c.verified(), c.customerName());
        engine.respond(engine.receive(shopper, "m-en-courier-" + c.id(), "which courier do you use?"));
        mvc.perform(asAgent(get("/api/console/conversations/{id}/suggestions", c.id()), "agent"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].scriptId").value("shipping.carrier"))
                .andExpect(jsonPath("$[0].answer").value(containsString("JD Logistics")));
        mvc.perform(asAgent(get("/api/console/conversations/{id}/canned", c.id()), "agent"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.shortcut == 'more')].text").value(hasItem("Is there anything else I can help you with?")));
        engine.respond(engine.receive(shopper, "m-zh-courier-" + c.id(), "发什么快递"));
        mvc.perform(asAgent(get("/api/console/conversations/{id}/suggestions", c.id()), "agent"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].answer").value(containsString("京东快递")));
    }

    @Test
    void badInputIsA400NeverA500() throws Exception {
        String id = shoppers.ownedBy("agent").id();
        String reply = "/api/console/conversations/{id}/reply";
        mvc.perform(json(asAgent(post(reply, id), "agent"), "{\"text\":"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("malformed"));
        mvc.perform(json(asAgent(post(reply, id), "agent"), "{\"text\":\"  \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("empty"));
        mvc.perform(json(asAgent(post(reply, id), "agent"), "{\"text\":\"" + "好".repeat(2001) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("too_long"));
        mvc.perform(json(asAgent(post(reply, id), "agent"), "[1,2]"))
                .andExpect(status().isBadRequest());
        mvc.perform(asAgent(post(reply, id), "agent").contentType(MediaType.TEXT_PLAIN).content("hi"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(json(asAgent(post("/api/console/conversations/{id}/typing", id), "agent"), "{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(asAgent(get("/api/console/conversations/{id}/events", id).param("afterSeq", "abc"), "agent"))
                .andExpect(status().isBadRequest());
        mvc.perform(asAgent(get("/api/console/conversations/{id}", "no-such-id"), "agent"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("not_found"));
    }

    @Test
    void onlyTheOwnerRepliesAndCloses() throws Exception {
        String id = shoppers.ownedBy("agent").id();
        mvc.perform(json(asAgent(post("/api/console/conversations/{id}/reply", id), "agent2"), "{\"text\":\"您好\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("not_owned"));
        mvc.perform(asAgent(post("/api/console/conversations/{id}/close", id), "agent2"))
                .andExpect(status().isForbidden());
        mvc.perform(asAgent(post("/api/console/conversations/{id}/close", id), "agent"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("closed"));
        mvc.perform(asAgent(get("/api/console/mine"), "agent")).andExpect(jsonPath("$[*].id", not(hasItem(id))));
    }

    @Test
    void transcriptIsPlainTextWithNotesMarked() throws Exception {
        String id = shoppers.ownedBy("agent").id();
        engine.note(new xiaoer.engine.chat.AgentRef("agent", "小美"), id, "需要回访");
        mvc.perform(asAgent(get("/api/console/conversations/{id}/transcript", id), "agent"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string(containsString("内部备注")))
                .andExpect(content().string(containsString("需要回访")));
    }

    @Test
    void agentTypingIsAccepted() throws Exception {
        String id = shoppers.ownedBy("agent").id();
        mvc.perform(json(asAgent(post("/api/console/conversations/{id}/typing", id), "agent"), "{\"on\":true}"))
                .andExpect(status().isNoContent());
    }

    @Test
    void aShopperAskingForAPersonLandsInTheQueueWithTheBotsNotes() throws Exception {
        var visitor = shoppers.newVisitor();
        engine.connect(visitor, 0);
        var ack = engine.receive(visitor, "m1", "转人工");
        engine.respond(ack);
        Conversation c = engine.conversation(ack.event().conversationId()).orElseThrow();
        assertThat(c.status()).isEqualTo(ConversationStatus.QUEUED);
        ChatEvent botTurn = engine.history(c.id()).stream().filter(e -> e.meta().containsKey("decision"))
                .reduce((a, b) -> b).orElseThrow();
        mvc.perform(asAgent(get("/api/console/conversations/{id}", c.id()), "agent"))
                .andExpect(jsonPath("$.events[?(@.seq == " + botTurn.seq() + ")].meta.decision").value(hasItem(notNullValue())));
    }
}
