package xiaoer.engine.shop.damage;

import java.time.Instant;

/** One responsible person's signature on a damage report: in which role, who, when, with an optional note. */
public record SignOff(String role, String by, Instant at, String note) {
}
