package xiaoer.engine.training;

import java.util.List;
import xiaoer.kb.io.LineError;

/**
 * What an import would do to the draft, shown before anything changes.
 *
 * @param mode          replace (the file becomes the whole draft) or merge (the file's scripts are added or
 *                      replace those with the same id; the rest stay)
 * @param errors        every error in the file with its line (nothing can be applied while there is one)
 * @param problems      lint or rule problems of the file's scripts (nothing can be applied while there is one)
 * @param changes       the diff from the draft to the draft after the import
 * @param draftRevision the draft's revision the preview was made against: applying checks it has not moved
 */
public record ImportPlan(String format, String mode, int scriptCount, List<LineError> errors,
                         List<ScriptProblem> problems, ScriptDiff changes, long draftRevision) {

    public boolean ok() {
        return errors.isEmpty() && problems.isEmpty();
    }
}
