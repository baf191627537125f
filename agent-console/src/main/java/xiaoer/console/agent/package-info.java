/**
 * The agents' console: the waiting queue, their own conversations, replies checked by the lint, notes, close and
 * transcript, over REST, with live updates from the engine's bus pushed over STOMP.
 */
package xiaoer.console.agent;
