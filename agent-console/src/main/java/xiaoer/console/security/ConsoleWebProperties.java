package xiaoer.console.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * Who may reach the console from a browser, and the console WebSocket's limits ({@code xiaoer.console.web.*}).
 *
 * @param allowedOrigins          origins (patterns like {@code https://*.shop.example} allowed) that may open the
 *                                console's STOMP WebSocket and call {@code /api/**} cross-origin with the staff
 *                                cookie (CORS). Empty (the default) = same origin only, no CORS at all.
 * @param stompMessageSizeLimit   largest incoming STOMP message; a bigger frame closes that session only
 * @param stompSendBufferSizeLimit bytes buffered for one slow console before its session is closed
 * @param stompSendTimeLimit      longest a single send to one console may take before its session is closed
 * @param stompTimeToFirstMessage a WebSocket that sends no CONNECT within this time is closed
 */
@ConfigurationProperties("xiaoer.console.web")
public record ConsoleWebProperties(@DefaultValue List<String> allowedOrigins,
                                   @DefaultValue("64KB") DataSize stompMessageSizeLimit,
                                   @DefaultValue("512KB") DataSize stompSendBufferSizeLimit,
                                   @DefaultValue("15s") Duration stompSendTimeLimit,
                                   @DefaultValue("30s") Duration stompTimeToFirstMessage) {

    public ConsoleWebProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().filter(o -> o != null && !o.isBlank()).map(String::strip).toList();
        if (allowedOrigins.contains("*")) {
            throw new IllegalArgumentException("xiaoer.console.web.allowed-origins must list origins, not '*': "
                    + "the console's cookie would be usable from any site");
        }
    }

    /** Defaults, for code that builds the console without Spring's binding. */
    public static ConsoleWebProperties defaults() {
        return new ConsoleWebProperties(List.of(), DataSize.ofKilobytes(64), DataSize.ofKilobytes(512),
                Duration.ofSeconds(15), Duration.ofSeconds(30));
    }
}
