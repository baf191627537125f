package xiaoer.engine.training;

import java.util.List;
import java.util.Optional;

/** Storage port for releases. Releases are never changed or deleted. */
public interface ReleaseStore {

    Optional<Release> latest();

    Optional<Release> release(int number);

    /** Newest first. */
    List<ReleaseSummary> releases();

    /** Stores a release; {@link TrainingException} {@code conflict} when its number is taken (a concurrent publish). */
    void addRelease(Release release);
}
