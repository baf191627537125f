package xiaoer.engine.shop.returns;

import java.time.Instant;

/** One move of a return: into which state, by whom (agent user name, "shopper:&lt;visitor&gt;" or "bot"), when, why. */
public record ReturnStep(ReturnState state, String actor, Instant at, String note) {
}
