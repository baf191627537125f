/**
 * Wiring of issue 7's routing into the app: the router and seat board on the engine, the shop's desk (open orders,
 * left messages become tickets), agents' skills from the users table, and the periodic routing pass.
 */
package xiaoer.app.routing;
