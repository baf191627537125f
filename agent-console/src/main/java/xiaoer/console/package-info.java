/**
 * The Spring web side of xiaoer for people who work in the shop: the agents' real-time console, the trainer's test
 * box and the bot's REST API. Everything here talks to the engine through its public types ({@code ChatEngine},
 * {@code Bot}); storage, accounts and wiring live in the app.
 */
package xiaoer.console;
