package xiaoer.kb.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Character-level folding applied before any analysis: full-width to half-width, traditional to simplified
 * (table in {@code /xiaoer/kb/t2s.txt}) and lower case. One lookup per char, so it costs next to nothing.
 */
public final class CharFolding {

    private static final char[] TABLE = loadTable();

    private CharFolding() {
    }

    /** Folds one character: width, traditional→simplified, case. */
    public static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            c = (char) (c - 0xFEE0); // full-width ASCII block
        } else if (c == '\u3000') {
            return ' ';
        } else if (c == '\u3002') {
            return '.';
        } else if (c == '\u3001') {
            return ',';
        }
        char mapped = TABLE[c];
        if (mapped != 0) c = mapped;
        return Character.toLowerCase(c);
    }

    public static String fold(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) sb.append(fold(text.charAt(i)));
        return sb.toString();
    }

    /** True when the table knows {@code c} as a traditional character. */
    public static boolean isTraditional(char c) {
        return TABLE[c] != 0;
    }

    private static char[] loadTable() {
        char[] table = new char[65536];
        try (InputStream in = CharFolding.class.getResourceAsStream("/xiaoer/kb/t2s.txt")) {
            if (in == null) throw new IllegalStateException("missing resource /xiaoer/kb/t2s.txt");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("#")) continue;
                for (String entry : line.trim().split("\\s+")) {
                    if (entry.length() != 2) continue;
                    if (entry.charAt(0) != entry.charAt(1)) table[entry.charAt(0)] = entry.charAt(1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}
