/**
 * The bot's REST API ({@code /api/bot/explain}, {@code /api/lint}: contracts fixed in ARCHITECTURE.md) and the
 * trainer's test box that shows why the bot answers what it answers.
 */
package xiaoer.console.trainer;
