package xiaoer.engine.shop.tickets;

import java.time.Instant;

/**
 * One follow-up (回访) attempt.
 *
 * @param reached   whether the shopper was reached: only a reached follow-up counts as "successful" in the KPIs
 * @param satisfied the shopper's answer when reached, else null
 */
public record FollowUp(Instant at, String by, boolean reached, Boolean satisfied, String note) {
}
