package xiaoer.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the console and the bot API.
 *
 * @param maxTextLength   longest text accepted by the explain endpoint, notes and replies, in characters (default 2000;
 *                        the engine enforces its own limit on replies as well)
 * @param maxLintLength   longest text the lint endpoint checks (default 20000: whole scripts are checked)
 * @param maxHistoryItems most earlier shopper messages the explain endpoint takes (default 50)
 */
@ConfigurationProperties("xiaoer.console")
public record ConsoleProperties(@DefaultValue("2000") int maxTextLength,
                                @DefaultValue("20000") int maxLintLength,
                                @DefaultValue("50") int maxHistoryItems) {
}
