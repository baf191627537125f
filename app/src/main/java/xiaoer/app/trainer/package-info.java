/**
 * The trainer workspace's storage in the relational database (tables of {@code V4__trainer.sql}), the learning
 * loop's read of the conversation tables, and the wiring that hands them to the console.
 */
package xiaoer.app.trainer;
