package xiaoer.engine.routing;

/**
 * A seat changed state.
 *
 * @param seat      the seat now
 * @param previous  the status before
 * @param deputyId  the acting deputy named with this change (the lead or acting deputy left), or null
 */
public record SeatChange(AgentSeat seat, AgentStatus previous, String deputyId) {

    public boolean changed() {
        return previous != seat.status();
    }
}
