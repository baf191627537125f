package xiaoer.kb.lint;

import xiaoer.kb.LintFinding;

/** A rule's raw hit before overlapping hits of the same kind are merged into findings. */
record Hit(String kind, String rule, int start, int end, String suggestion) {

    int length() {
        return end - start;
    }

    boolean overlaps(Hit other) {
        return kind.equals(other.kind) && start < other.end && other.start < end;
    }

    LintFinding toFinding() {
        return new LintFinding(kind, rule, start, end, suggestion);
    }
}
