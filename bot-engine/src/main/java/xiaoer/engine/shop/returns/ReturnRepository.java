package xiaoer.engine.shop.returns;

import java.util.List;
import java.util.Optional;

/** Storage of returns with their steps. Every call commits before it returns. */
public interface ReturnRepository {

    void insert(ReturnRequest request);

    Optional<ReturnRequest> find(String id);

    /** The order's returns, oldest first. */
    List<ReturnRequest> forOrder(String shop, String orderNo);

    /**
     * Stores the new steps of {@code updated} only if the stored version is still {@code updated.version()}
     * (compare-and-set: two agents moving the same return cannot both win). Returns false when it was not.
     */
    boolean update(ReturnRequest updated);
}
