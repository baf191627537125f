package xiaoer.engine.training;

/**
 * Told about every release once it is live on this node, inside the publishing transaction (a failure undoes the
 * release). A cluster uses it to tell the other nodes to load the release.
 */
@FunctionalInterface
public interface ReleaseListener {

    void published(Release release);
}
