package xiaoer.channels.widget;

import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import xiaoer.engine.chat.AgentRef;
import xiaoer.engine.chat.Conversation;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** After a hand-off the widget sees its place in the queue, the agent's name, typing and replies; never notes. */
class WidgetHandoffTest {

    @Test
    void handOffThenAgentJoinsTypesAndReplies() throws Exception {
        try (WidgetFixture fx = new WidgetFixture();
             TestWidgetClient c = fx.client("h-1").open().awaitConnected()) {
            assumeTrue(fx.botReady, "knowledge base / linter not built yet");
            c.awaitMessages(1);
            JSONObject ack = c.send("h-m1", "转人工").get(10, TimeUnit.SECONDS);
            long ackSeq = ack.getLong("seq");
            List<JSONObject> afterHandoff = c.awaitMessages(1, m -> "system".equals(m.optString("from")));
            assertThat(afterHandoff.get(0).getString("text")).contains("第 1 位");
            assertThat(afterHandoff.get(0).getLong("seq")).isGreaterThan(ackSeq);

            AgentRef agent = new AgentRef("a-1", "小美");
            Conversation conv = fx.engine.waiting().get(0);
            fx.engine.accept(agent, conv.id());
            JSONObject joined = c.awaitMessages(1, m -> m.has("agent")).get(0);
            assertThat(joined.getJSONObject("agent").getString("name")).isEqualTo("小美");

            fx.engine.agentTyping(agent, conv.id(), true);
            fx.engine.note(agent, conv.id(), "内部备注：老客户");
            fx.engine.agentReply(agent, conv.id(), "您好，我来帮您看一下订单~");
            JSONObject reply = c.awaitMessages(1, m -> "agent".equals(m.optString("from"))).get(0);
            assertThat(reply.getString("text")).isEqualTo("您好，我来帮您看一下订单~");
            assertThat(reply.getJSONObject("agent").getString("name")).isEqualTo("小美");
            assertThat(c.log()).anySatisfy(a -> {
                assertThat(a.kind()).isEqualTo("typing");
                assertThat(a.body().getString("from")).isEqualTo("agent");
                assertThat(a.body().getBoolean("on")).isTrue();
            });
            Thread.sleep(200);
            assertThat(c.messages()).noneMatch(m -> m.optString("text").contains("内部备注"));
            List<Long> seqs = c.messages().stream().map(m -> m.optLong("seq")).toList();
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
        }
    }
}
