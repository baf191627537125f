package xiaoer.kb.io;

/** One problem in a script or query file: the 1-based line (for CSV: the line the record starts on) and why. */
public record LineError(int line, String reason) {

    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
