package xiaoer.app.cluster;

import java.util.ArrayList;
import java.util.List;

/** The fault tests' results, one line each, printed as they come and again as a table at the end. */
final class FaultTable {

    record Row(String fault, int sent, int acked, int received, int lost, int duplicated, String recovery, String note) {
        String line() {
            return String.format("| %-34s | %5d | %5d | %8d | %4d | %10d | %-12s | %s |", fault, sent, acked, received,
                    lost, duplicated, recovery, note);
        }
    }

    static final String HEADER = String.format("| %-34s | %5s | %5s | %8s | %4s | %10s | %-12s | %s |", "fault", "sent",
            "acked", "received", "lost", "duplicated", "recovery", "note");

    private static final List<Row> rows = new ArrayList<>();

    static synchronized void add(Row row) {
        rows.add(row);
        System.out.println("FAULT " + row.line());
    }

    static synchronized void print() {
        System.out.println("\n=== cluster fault table ===");
        System.out.println(HEADER);
        rows.forEach(r -> System.out.println(r.line()));
        System.out.println();
    }
}
