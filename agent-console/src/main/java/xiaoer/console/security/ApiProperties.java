package xiaoer.console.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access to the bot's REST API.
 *
 * @param publicBotApi whether {@code POST /api/bot/explain} and {@code POST /api/lint} are open without log-in
 *                     (default true, the embedded demo); false requires any staff role
 */
@ConfigurationProperties("xiaoer.api")
public record ApiProperties(@DefaultValue("true") boolean publicBotApi) {
}
