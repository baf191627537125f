package xiaoer.engine.chat;

import xiaoer.kb.LintFinding;

import java.util.List;

/** An agent's reply that breaks the service rules; the findings carry the manuals' wording to use instead. */
public final class LintRejectedException extends ChatException {

    private final List<LintFinding> findings;

    public LintRejectedException(List<LintFinding> findings) {
        super("lint", "The reply breaks the service rules: " + findings.size() + " finding(s).");
        this.findings = List.copyOf(findings);
    }

    public List<LintFinding> findings() {
        return findings;
    }
}
