package xiaoer.engine.training;

import java.util.List;

/**
 * A script present on both sides of a diff whose content differs.
 *
 * @param fields           what changed: lang, category, questions, answer, variants.&lt;type&gt;, facts, quickReplies, tags
 * @param addedQuestions   phrasings only on the new side
 * @param removedQuestions phrasings only on the old side
 */
public record ScriptChange(String id, List<String> fields, List<String> addedQuestions, List<String> removedQuestions) {
}
