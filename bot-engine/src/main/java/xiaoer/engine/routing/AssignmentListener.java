package xiaoer.engine.routing;

/**
 * Hears of every assignment the router makes — routed, picked, transferred or reassigned — including those made for
 * other conversations inside {@link Router#handOff} or a group transfer (a hand-off may route others waiting too).
 * The engine uses it as the one complete feed: move the conversation to the agent and tell the shopper who joined.
 * Called on the thread that made the assignment, after it is final; keep it quick.
 */
@FunctionalInterface
public interface AssignmentListener {

    void assigned(Assignment assignment);
}
