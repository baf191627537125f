package xiaoer.engine.routing;

/** One team-lead seat and several ordinary seats (domain.md §7). */
public enum SeatRole {
    LEAD, AGENT
}
