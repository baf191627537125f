package xiaoer.console.trainer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the trainer workspace ({@code xiaoer.trainer.*}).
 *
 * @param requireApproval  a lead or admin must approve the draft before it is published (default false)
 * @param missWindowDays   how many days back the learning loop looks (default 30)
 * @param draftEmbeddings  the draft's test base uses the semantic model like the live one (default true; false makes
 *                         explain and regression runs lexical only: faster, but they may differ from live)
 * @param maxImportChars   the largest import file accepted, in characters (default 5,000,000)
 */
@ConfigurationProperties("xiaoer.trainer")
public record TrainerProperties(@DefaultValue("false") boolean requireApproval,
                                @DefaultValue("30") int missWindowDays,
                                @DefaultValue("true") boolean draftEmbeddings,
                                @DefaultValue("5000000") int maxImportChars) {
}
