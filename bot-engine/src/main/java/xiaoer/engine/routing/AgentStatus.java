package xiaoer.engine.routing;

/** A seat's state (domain.md §7). */
public enum AgentStatus {
    /** At the seat and taking new conversations. */
    ONLINE,
    /** At the seat, serving, but not taking new conversations automatically. */
    BUSY,
    /** On a break; limited in number and time. */
    AWAY,
    /** Not working. */
    OFFLINE;

    /** ONLINE or BUSY: counts as on duty and may take over work. */
    public boolean onDuty() {
        return this == ONLINE || this == BUSY;
    }
}
