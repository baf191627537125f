package xiaoer.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Seeded generators of broken input shared by the fuzz tests. */
final class Fuzz {

    static final String[] ODD_STRINGS = {"", " ", "\u0000", "\u0000\u0000abc", "\uFEFF", "\u202Eevil\u202C",
            "\ud83d\ude00", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\\", "\"", "'", "<script>alert(1)</script>", "{{7*7}}", "../../etc/passwd",
            "%00", "%ZZ", "\r\n\r\n", "null", "true", "-1", "1e309", "NaN", "9223372036854775808", "中文", "\t"};

    private Fuzz() {
    }

    static String oddString(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> ODD_STRINGS[r.nextInt(ODD_STRINGS.length)];
            case 1 -> "x".repeat(r.nextInt(70_000));
            case 2 -> randomUnicode(r, r.nextInt(200));
            default -> ODD_STRINGS[r.nextInt(ODD_STRINGS.length)] + randomUnicode(r, r.nextInt(20));
        };
    }

    static String randomUnicode(Random r, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int cp = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(0x80);
                case 1 -> 0x4E00 + r.nextInt(0x5000);
                case 2 -> r.nextInt(0xD800);
                default -> 0x10000 + r.nextInt(0x2000);
            };
            s.appendCodePoint(cp);
        }
        return s.toString();
    }

    static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** A JSON value of a random shape (as text): objects, arrays, nesting, wrong types, odd strings. */
    static String jsonValue(Random r, int depth) {
        int k = depth > 4 ? r.nextInt(5) : r.nextInt(8);
        return switch (k) {
            case 0 -> "null";
            case 1 -> String.valueOf(r.nextBoolean());
            case 2 -> switch (r.nextInt(4)) {
                case 0 -> String.valueOf(r.nextLong());
                case 1 -> "1e309";
                case 2 -> "-0.0";
                default -> String.valueOf(r.nextDouble());
            };
            case 3, 4 -> quote(oddString(r));
            case 5 -> {
                StringBuilder s = new StringBuilder("[");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) s.append(i > 0 ? "," : "").append(jsonValue(r, depth + 1));
                yield s.append(']').toString();
            }
            case 6 -> "[".repeat(1 + r.nextInt(3000)) + "]".repeat(r.nextInt(3000));
            default -> {
                StringBuilder s = new StringBuilder("{");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    s.append(i > 0 ? "," : "").append(quote(r.nextBoolean() ? oddString(r) : "text")).append(':')
                            .append(jsonValue(r, depth + 1));
                }
                yield s.append('}').toString();
            }
        };
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') q.append('\\').append(c);
            else if (c < 0x20) q.append(String.format("\\u%04x", (int) c));
            else q.append(c);
        }
        return q.append('"').toString();
    }

    /** A JSON text, most of the time broken: truncated, a wrong byte, invalid UTF-8. */
    static byte[] jsonBody(Random r, String valid) {
        String text = switch (r.nextInt(6)) {
            case 0 -> valid.substring(0, r.nextInt(valid.length() + 1));
            case 1 -> jsonValue(r, 0);
            case 2 -> {
                StringBuilder s = new StringBuilder(valid);
                int at = r.nextInt(s.length());
                s.insert(at, "\",}{][:" .charAt(r.nextInt(7)));
                yield s.toString();
            }
            default -> valid;
        };
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(4) == 0) { // invalid UTF-8 somewhere
            byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
            int at = r.nextInt(b.length + 1);
            byte[] out = new byte[b.length + bad.length];
            System.arraycopy(b, 0, out, 0, at);
            System.arraycopy(bad, 0, out, at, bad.length);
            System.arraycopy(b, at, out, at + bad.length, b.length - at);
            return out;
        }
        return b;
    }
}
