package xiaoer.engine.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every seat and who stands in for the lead, as one value: the seat rules check several seats at once, so the board
 * changes the roster as a whole (see {@link SeatStore}).
 *
 * @param version  moves with every stored change (the compare-and-set token)
 * @param seats    the seats in the order they were registered
 * @param deputyId the deputy standing in while the lead is away or offline, or null
 */
public record SeatRoster(long version, List<AgentSeat> seats, String deputyId) {

    public static final SeatRoster EMPTY = new SeatRoster(0, List.of(), null);

    public SeatRoster {
        seats = List.copyOf(seats);
    }

    Map<String, AgentSeat> byId() {
        Map<String, AgentSeat> map = new LinkedHashMap<>();
        for (AgentSeat s : seats) map.put(s.id(), s);
        return map;
    }

    /** The next version with {@code seats} and {@code deputyId}. */
    SeatRoster next(Map<String, AgentSeat> changed, String deputy) {
        return new SeatRoster(version + 1, List.copyOf(changed.values()), deputy);
    }
}
