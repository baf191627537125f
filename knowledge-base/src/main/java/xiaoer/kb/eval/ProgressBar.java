package xiaoer.kb.eval;

import java.io.PrintStream;

/** A one-line progress bar on stderr, redrawn at most every 2 %. Silent when {@code out} is null. */
final class ProgressBar {

    private final PrintStream out;
    private final int total;
    private int done;
    private int lastPercent = -1;

    ProgressBar(PrintStream out, int total) {
        this.out = out;
        this.total = Math.max(1, total);
    }

    void step() {
        done++;
        int percent = done * 100 / total;
        if (out != null && percent / 2 != lastPercent / 2) {
            lastPercent = percent;
            int filled = percent / 4;
            out.print("\r[" + "#".repeat(filled) + " ".repeat(25 - filled) + "] " + done + "/" + total);
            out.flush();
        }
    }

    void done() {
        if (out != null) {
            out.print("\r" + " ".repeat(45) + "\r");
            out.flush();
        }
    }
}
