/**
 * The manuals' service policy as plain functions: which customer type a shopper is (domain.md §2), when a person
 * takes over and when people are at work (§5, §7), how a short follow-up continues the last topic, and where an
 * order number or a phone tail is in a message.
 * <p>
 * Everything here is pure and thread-safe; word lists live in resource files beside the classes (simplified
 * characters — texts are folded with {@link xiaoer.kb.lint.HanFolding} first, so traditional spellings match too),
 * and every threshold is a settings record whose defaults are the manuals' values.
 */
package xiaoer.engine.policy;
