package xiaoer.app.security;

import xiaoer.console.testing.StaffLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's STOMP destinations by role: the lead's topic only for LEAD/ADMIN, the console topics only for the
 * serving roles, anything else refused. Checked on the message authorization rules directly for every role, and once
 * over a real connection (an agent's subscription to /topic/lead receives nothing).
 */
class StompRolesTest extends SecurityTestBase {

    @Autowired
    @Qualifier("messageAuthorizationManager")
    AuthorizationManager<Message<?>> rules;

    @Autowired
    SimpMessagingTemplate messaging;

    private StompSession session;

    @AfterEach
    void disconnect() {
        if (session != null && session.isConnected()) session.disconnect();
    }

    private boolean maySubscribe(String role, String destination) {
        SimpMessageHeaderAccessor h = SimpMessageHeaderAccessor.create(SimpMessageType.SUBSCRIBE);
        h.setDestination(destination);
        h.setSessionId("s1");
        h.setSubscriptionId("sub-1");
        Message<byte[]> m = MessageBuilder.createMessage(new byte[0], h.getMessageHeaders());
        Authentication auth = role == null
                ? new org.springframework.security.authentication.AnonymousAuthenticationToken("k", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))
                : UsernamePasswordAuthenticationToken.authenticated("u", null,
                AuthorityUtils.createAuthorityList("ROLE_" + role));
        AuthorizationResult r = rules.authorize(() -> auth, m);
        return r != null && r.isGranted();
    }

    @Test
    void subscriptionRulesPerRole() {
        for (String role : new String[] {"AGENT", "TRAINER"}) {
            assertThat(maySubscribe(role, "/topic/lead")).as(role + " on /topic/lead").isFalse();
            assertThat(maySubscribe(role, "/topic/lead/seats")).as(role + " on /topic/lead/seats").isFalse();
        }
        for (String role : new String[] {"LEAD", "ADMIN"}) {
            assertThat(maySubscribe(role, "/topic/lead")).as(role + " on /topic/lead").isTrue();
        }
        assertThat(maySubscribe("TRAINER", "/topic/console/queue")).isFalse();
        assertThat(maySubscribe("TRAINER", "/topic/console/conversation/c1")).isFalse();
        for (String role : new String[] {"AGENT", "LEAD", "ADMIN"}) {
            assertThat(maySubscribe(role, "/topic/console/queue")).as(role).isTrue();
        }
        assertThat(maySubscribe(null, "/topic/console/queue")).isFalse();
        assertThat(maySubscribe(null, "/user/queue/console")).isFalse();
        assertThat(maySubscribe("ADMIN", "/topic/elsewhere")).isFalse();
        assertThat(maySubscribe("ADMIN", "/queue/anything")).isFalse();
    }

    @Test
    void anAgentsSubscriptionToTheLeadTopicReceivesNothing() throws Exception {
        session = StaffLogin.as(httpPort, "agent", "agent123").stomp(new JacksonJsonMessageConverter());
        Inbox lead = new Inbox();
        Inbox queue = new Inbox();
        // frames are handled in order: once the later, allowed subscription receives, the first one was decided
        session.subscribe("/topic/lead", lead);
        session.subscribe("/topic/console/queue", queue);
        long deadline = System.currentTimeMillis() + 10_000;
        while (queue.pushes.isEmpty() && System.currentTimeMillis() < deadline) {
            messaging.convertAndSend("/topic/lead", (Object) Map.of("type", "leak"));
            messaging.convertAndSend("/topic/console/queue", (Object) Map.of("type", "probe"));
            Thread.sleep(100);
        }
        assertThat(queue.pushes).isNotEmpty();
        messaging.convertAndSend("/topic/lead", (Object) Map.of("type", "leak"));
        Thread.sleep(300);
        assertThat(lead.pushes).isEmpty();
    }

    private static final class Inbox implements StompFrameHandler {
        final BlockingQueue<Object> pushes = new LinkedBlockingQueue<>();

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return Map.class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            pushes.add(payload);
        }
    }
}
