package xiaoer.kb.lint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Folds text for matching: traditional characters to simplified ones, full-width ASCII to half-width, upper to lower
 * case for ASCII. Every fold maps one {@code char} to one {@code char}, so a folded text has exactly the offsets of
 * its original — findings can point back into what the caller passed in.
 * <p>
 * The table ({@code t2s.txt}) is deliberately small: the characters of shop chats and of our own rule and cue files.
 * It is not a general converter (no phrase-level conversion, no one-to-many characters). Thread-safe and immutable.
 */
public final class HanFolding {

    private static final String RESOURCE = "t2s.txt";
    private static final HanFolding STANDARD = load();

    private final char[] table;

    private HanFolding(char[] table) {
        this.table = table;
    }

    /** The folding built from the bundled table; shared, loaded once. */
    public static HanFolding standard() {
        return STANDARD;
    }

    /** Folds one character (identity for anything the table does not know). */
    public char fold(char c) {
        return table[c];
    }

    /** Folds a whole text; the result has the same length as {@code text}. */
    public String fold(CharSequence text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = table[text.charAt(i)];
        }
        return new String(out);
    }

    /** True when {@code c} is a traditional character that the table folds to a different simplified one. */
    public boolean isTraditional(char c) {
        return table[c] != c && Character.isIdeographic(c);
    }

    /** True when the text holds at least one traditional character the table knows. */
    public boolean containsTraditional(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isTraditional(text.charAt(i))) return true;
        }
        return false;
    }

    private static HanFolding load() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c < table.length; c++) table[c] = (char) c;
        for (char c = 'A'; c <= 'Z'; c++) table[c] = Character.toLowerCase(c);
        // Full-width forms (！ ？ ０-９ Ａ-Ｚ …) fold to ASCII so rules and number patterns see one spelling.
        for (char c = '\uFF01'; c <= '\uFF5E'; c++) table[c] = Character.toLowerCase((char) (c - 0xFEE0));
        table['\u3000'] = ' ';
        try (InputStream in = HanFolding.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource xiaoer/kb/lint/" + RESOURCE);
            readPairs(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HanFolding(table);
    }

    private static void readPairs(BufferedReader reader, char[] table) throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) continue;
            for (String pair : line.trim().split("\\s+")) {
                if (pair.length() != 2) throw new IllegalStateException("t2s.txt: not a character pair: " + pair);
                char traditional = pair.charAt(0);
                char simplified = pair.charAt(1);
                if (traditional == simplified) continue;
                if (table[traditional] != traditional && table[traditional] != simplified) {
                    throw new IllegalStateException("t2s.txt: two simplified forms for " + traditional);
                }
                table[traditional] = simplified;
            }
        }
    }
}
