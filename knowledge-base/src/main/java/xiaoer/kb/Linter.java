package xiaoer.kb;

import java.util.List;

/**
 * The check every shopper-facing text passes: forbidden phrases (服務禁用語) and absolute promises, in simplified
 * and traditional characters. API SKELETON: implementation owned by the lint work.
 */
public final class Linter {

    public List<LintFinding> check(String text) {
        throw new UnsupportedOperationException("not built yet");
    }
}
