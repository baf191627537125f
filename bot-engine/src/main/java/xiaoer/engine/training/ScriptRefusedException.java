package xiaoer.engine.training;

import java.util.List;
import java.util.stream.Collectors;

/** A script (or a set of scripts) breaks the lint or the script rules; nothing was saved. */
public class ScriptRefusedException extends TrainingException {

    private final List<ScriptProblem> problems;

    public ScriptRefusedException(List<ScriptProblem> problems) {
        super("refused", problems.stream().map(p -> (p.scriptId() == null ? "" : p.scriptId() + " ") + p.field()
                + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ScriptProblem> problems() {
        return problems;
    }
}
