/**
 * Who may see which order (domain.md §9): a signed widget visitor is the buyer with that id; an anonymous one proves
 * an order is theirs with its number plus the phone's last four digits, and wrong guesses are rate limited per
 * visitor and per order. Nothing here ever returns another buyer's data.
 */
package xiaoer.engine.shop.identity;
