package xiaoer.engine.shop;

/** Someone else changed the record between our read and our write; the caller should reload and retry. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String kind, String id) {
        super(kind + " " + id + " was changed by someone else; reload and try again");
    }
}
