/**
 * The shop's records: orders and shipment events from the shop's own system, who may see them (domain.md §9),
 * returns and exchanges, tickets with their follow-ups (§5) and the monthly KPIs (§6). {@link xiaoer.engine.shop.ShopService}
 * is the one facade the bot, the console and the integration API use; storage is behind ports the app implements.
 */
package xiaoer.engine.shop;
