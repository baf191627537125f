/**
 * The team lead's view (issue 7, domain.md §7): live conversations, watching one read-only, whispering to the agent,
 * the seat board with its warnings, shift hand-over notes, and charts computed from the stored events.
 */
package xiaoer.console.lead;
