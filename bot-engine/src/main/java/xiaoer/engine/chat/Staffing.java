package xiaoer.engine.chat;

import xiaoer.engine.routing.RoutingSettings;
import xiaoer.engine.routing.Router;
import xiaoer.engine.routing.SeatBoard;
import xiaoer.engine.routing.SeatSettings;

import java.time.Clock;
import java.util.Objects;

/**
 * The people side the engine routes to (issue 7): the router (queue, assignment, transfers, silence), the seat board
 * it chooses from, and the shop's desk for priorities and left messages. The router must use {@code seats} as its
 * directory.
 */
public record Staffing(Router router, SeatBoard seats, ShopDesk desk) {

    public Staffing {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(seats, "seats");
        desk = desk == null ? ShopDesk.NONE : desk;
    }

    /** Everything in this JVM's memory: tests and the embedded single node. */
    public static Staffing inMemory(RoutingSettings routing, SeatSettings seatSettings, ShopDesk desk, Clock clock) {
        SeatBoard seats = new SeatBoard(seatSettings, clock);
        return new Staffing(Router.inMemory(routing, seats, clock), seats, desk);
    }
}
