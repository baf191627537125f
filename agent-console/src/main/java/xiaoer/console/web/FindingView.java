package xiaoer.console.web;

import xiaoer.kb.LintFinding;

import java.util.List;

/**
 * One lint finding on the wire (the fixed {@code /api/lint} shape).
 *
 * @param kind       forbidden or promise
 * @param start      offset in the checked text, inclusive; {@code end} exclusive
 * @param suggestion the manuals' wording to use instead (may be null)
 */
public record FindingView(String kind, String rule, int start, int end, String suggestion) {

    public static FindingView of(LintFinding f) {
        return new FindingView(f.kind(), f.rule(), f.start(), f.end(), f.suggestion());
    }

    public static List<FindingView> all(List<LintFinding> findings) {
        return findings == null ? List.of() : findings.stream().map(FindingView::of).toList();
    }
}
