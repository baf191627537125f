package xiaoer.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.Map;

/** The {@code xiaoer.*} settings; defaults in application.yml. */
@ConfigurationProperties("xiaoer")
public record XiaoerProperties(String dataDir, Demo demo, Widget widget, Engine engine) {

    public record Demo(boolean enabled) {
    }

    /**
     * The widget's socket.io server. {@code secrets}: shop → secret that signs known customers' visitor ids;
     * {@code publicUrl}: where browsers reach it when that is not this host's widget port (behind a proxy).
     */
    public record Widget(String host, int port, String publicUrl, Map<String, String> secrets, List<String> allowedOrigins,
                         int messagesPerMinutePerVisitor, int messagesPerMinutePerIp, boolean trustForwardedFor,
                         @org.springframework.boot.context.properties.bind.DefaultValue("30") int newConversationsPerHourPerIp) {
    }

    /**
     * @param humanHours    when people answer chats (the bot answers around the clock)
     * @param courtesyAfter a waiting shopper hears "请您稍等片刻" after this long in the queue
     */
    public record Engine(int maxMessageLength, int lowConfidenceLimit, HumanHours humanHours, Duration courtesyAfter,
                         Duration courierReportWithin) {
    }

    /** Equal {@code from} and {@code to} mean around the clock. */
    public record HumanHours(Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone) {
    }
}
