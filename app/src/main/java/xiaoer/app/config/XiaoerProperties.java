package xiaoer.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/** The {@code xiaoer.*} settings; defaults in application.yml. */
@ConfigurationProperties("xiaoer")
public record XiaoerProperties(String dataDir, Demo demo, Widget widget, Engine engine) {

    public record Demo(boolean enabled) {
    }

    /** The widget's socket.io server. {@code secrets}: shop → secret that signs known customers' visitor ids. */
    public record Widget(String host, int port, Map<String, String> secrets, List<String> allowedOrigins,
                         int messagesPerMinutePerVisitor, int messagesPerMinutePerIp, boolean trustForwardedFor) {
    }

    public record Engine(int maxMessageLength, int lowConfidenceLimit) {
    }
}
