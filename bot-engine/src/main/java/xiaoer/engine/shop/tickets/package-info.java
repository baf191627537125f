/**
 * Tickets (domain.md §5): every request that needs follow-up is classified 報修/投訴/咨詢, numbered date plus daily
 * sequence ({@code 20240214001}), owned, tracked to a written result and then followed up (回访) by a deadline, with
 * the shopper's satisfaction recorded. Deadlines come from {@link xiaoer.engine.shop.tickets.TicketRules}.
 */
package xiaoer.engine.shop.tickets;
