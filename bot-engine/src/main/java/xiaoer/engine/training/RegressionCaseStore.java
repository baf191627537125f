package xiaoer.engine.training;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage port for regression cases. */
public interface RegressionCaseStore {

    /** Oldest first. */
    List<RegressionCase> cases();

    Optional<RegressionCase> findCase(long id);

    RegressionCase addCase(String text, String lang, String expectedScriptId, String actor, Instant at);

    boolean removeCase(long id);
}
