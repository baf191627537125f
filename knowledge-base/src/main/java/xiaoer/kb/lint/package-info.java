/**
 * The lint every shopper-facing text passes: the manuals' forbidden phrases (服務禁用語, seeds 001 and 002 §5.3.9)
 * and absolute promises (seed 000: 不能做虛假的或絕對的承諾), in simplified and traditional characters.
 * <p>
 * The rules live in {@code lint-rules.txt} next to these classes; {@link xiaoer.kb.Linter} is the public face.
 * Matching runs on a folded copy of the text ({@link xiaoer.kb.lint.HanFolding}) that has the same length as the
 * original, so every offset in a finding points into the text the caller passed in.
 */
package xiaoer.kb.lint;
