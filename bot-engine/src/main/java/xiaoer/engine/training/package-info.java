/**
 * The trainer's rules, free of Spring and JDBC: a draft of the knowledge base that collects changes, numbered
 * releases made only through the publish gates (lint on every script, every regression case passing against the
 * draft, an optional lead approval), diffs between any two versions, rollback, the audit log, and the learning loop
 * that groups what the bot missed. Storage and transactions are ports ({@link xiaoer.engine.training.DraftStore},
 * {@link xiaoer.engine.training.ReleaseStore}, ...) that {@code app} implements with JDBC; the in-memory versions
 * serve tests and plain runs.
 */
package xiaoer.engine.training;
