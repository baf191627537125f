package xiaoer.engine.policy;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The cue list of the customer-type detector ({@code customer-type-cues.txt}): per type, weighted regexes on the
 * folded shopper message. Immutable.
 */
public final class CustomerTypeCues {

    private static final String RESOURCE = "customer-type-cues.txt";
    private static final CustomerTypeCues STANDARD = parse(ResourceLines.lines(RESOURCE));

    /** One line of the file. */
    record Cue(CustomerType type, double weight, Pattern pattern) {
    }

    private final List<Cue> cues;

    private CustomerTypeCues(List<Cue> cues) {
        this.cues = List.copyOf(cues);
    }

    /** The cues shipped with the product. */
    public static CustomerTypeCues standard() {
        return STANDARD;
    }

    /** Cues in the file format ({@code type | weight | regex} per line). */
    public static CustomerTypeCues read(Reader reader) throws IOException {
        return parse(ResourceLines.lines(reader));
    }

    List<Cue> cues() {
        return cues;
    }

    private static CustomerTypeCues parse(List<String> lines) {
        List<Cue> cues = new ArrayList<>();
        for (String line : lines) {
            String[] cols = line.split("\\s*\\|\\s*", 3);
            if (cols.length != 3) throw new IllegalArgumentException("expected 'type | weight | regex': " + line);
            CustomerType type = CustomerType.fromWire(cols[0])
                    .orElseThrow(() -> new IllegalArgumentException("unknown customer type: " + cols[0]));
            try {
                cues.add(new Cue(type, Double.parseDouble(cols[1]), Pattern.compile(cols[2])));
            } catch (NumberFormatException | PatternSyntaxException e) {
                throw new IllegalArgumentException("bad cue line: " + line, e);
            }
        }
        return new CustomerTypeCues(cues);
    }
}
