package xiaoer.app.routing;

/**
 * Whether this node runs the periodic routing pass now: always in the embedded default; in cluster mode only the node
 * holding the lease, so timeouts and reminders are sent once per cluster, not once per node.
 */
@FunctionalInterface
public interface RoutingTickGate {

    RoutingTickGate ALWAYS = () -> true;

    boolean mayTick();
}
