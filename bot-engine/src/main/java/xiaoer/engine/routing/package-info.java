/**
 * Who serves a waiting shopper, and who is at their seat (domain.md §4, §7; issue 7).
 * <p>
 * {@link xiaoer.engine.routing.Router} keeps the waiting queue in priority order (complaints, then known buyers with
 * open orders, then the rest; first come first served inside a priority) and hands each conversation to the
 * least-loaded online agent of the right skill group, preferring the agent the shopper had last time. Two ports make
 * assignment safe when several agents and nodes act at once: {@link xiaoer.engine.routing.AssignmentLedger} (one owner
 * per conversation) and {@link xiaoer.engine.routing.AgentLoads} (no agent above capacity).
 * {@link xiaoer.engine.routing.SeatBoard} holds the seats and their rules (at most two away, break limit, minimum on
 * duty, a deputy when the lead leaves); {@link xiaoer.engine.routing.ShiftHandovers} carries unfinished work to the
 * next shift.
 * <p>
 * Plain Java, thread-safe, time from an injected {@link java.time.Clock}; business refusals come back as
 * {@link xiaoer.engine.routing.Outcome} with a stable {@link xiaoer.engine.routing.RefusalCode}; the Chinese texts for
 * the message keys are in {@code /xiaoer/engine/routing/texts.properties}.
 */
package xiaoer.engine.routing;
