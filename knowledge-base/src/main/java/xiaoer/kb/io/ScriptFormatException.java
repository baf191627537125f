package xiaoer.kb.io;

import java.util.List;
import java.util.stream.Collectors;

/** A script file (or list) was refused as a whole; {@link #errors()} lists every problem found, not just the first. */
public final class ScriptFormatException extends RuntimeException {

    private final List<LineError> errors;

    public ScriptFormatException(String source, List<LineError> errors) {
        super(source + ": " + errors.size() + " error(s), nothing loaded\n"
                + errors.stream().map(LineError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<LineError> errors() {
        return errors;
    }
}
