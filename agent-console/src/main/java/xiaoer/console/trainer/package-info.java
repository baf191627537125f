/**
 * The bot's REST API ({@code /api/bot/explain}, {@code /api/lint}: contracts fixed in ARCHITECTURE.md) and the trainer
 * workspace's API under {@code /api/trainer/**} (TRAINER, LEAD, ADMIN; CSRF on): the draft editor, "why this answer"
 * against the draft, regression cases, publish gates, releases, diff, rollback, the audit log, the learning loop and
 * import/export. The rules live in {@code xiaoer.engine.training}; these controllers only translate HTTP.
 */
package xiaoer.console.trainer;
