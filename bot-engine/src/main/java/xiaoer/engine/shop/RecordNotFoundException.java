package xiaoer.engine.shop;

/** An order, ticket or return that does not exist (or that the caller may not see: the two look the same). */
public class RecordNotFoundException extends RuntimeException {

    private final String kind;
    private final String id;

    public RecordNotFoundException(String kind, String id) {
        super("no " + kind + " " + id);
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
