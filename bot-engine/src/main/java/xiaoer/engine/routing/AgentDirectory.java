package xiaoer.engine.routing;

import java.util.List;
import java.util.Optional;

/** Port: the agents routing may choose from, with their status now. {@link SeatBoard} is the default. */
public interface AgentDirectory {

    List<AgentSeat> seats();

    default Optional<AgentSeat> seat(String agentId) {
        return seats().stream().filter(s -> s.id().equals(agentId)).findFirst();
    }
}
