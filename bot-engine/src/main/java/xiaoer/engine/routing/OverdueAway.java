package xiaoer.engine.routing;

import java.time.Duration;
import java.time.Instant;

/** An away break past its limit, for the lead. */
public record OverdueAway(String agentId, String name, Instant awaySince, Duration overdueBy) {
}
