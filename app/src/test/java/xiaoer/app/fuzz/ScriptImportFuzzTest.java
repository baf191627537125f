package xiaoer.app.fuzz;

import org.junit.jupiter.api.Test;
import xiaoer.kb.io.ScriptFiles;
import xiaoer.kb.io.ScriptFormatException;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge-base import with mutated JSONL and CSV (seeded, deterministic): whatever the input, the reader returns
 * scripts or throws {@link ScriptFormatException} whose every error names a line of the input, never anything else.
 */
class ScriptImportFuzzTest {

    static final long SEED = 0x5EED_0009L;
    static final int CASES = 1_500; // per format

    static final String JSONL = """
            {"id":"a","lang":"zh","questions":["你好","在吗"],"answer":"您好呢","category":"greet"}
            {"id":"b","lang":"zh","questions":["能退吗"],"answer":"支持7天无理由退换货哦","facts":{"return":"7天无理由退换货"},"variants":{"angry":"抱歉!支持7天无理由退换货"},"quickReplies":[{"label":"退货","text":"我要退货"}],"tags":["x"]}
            {"id":"c","lang":"en","questions":["where is my parcel"],"answer":"Let me check."}
            """;

    static final String CSV = """
            id,lang,category,questions,answer
            a,zh,greet,你好|在吗,您好呢
            b,zh,returns,能退吗,"支持7天无理由退换货哦"
            c,en,,where is my parcel,"Let me check, please"
            """;

    static final String[] TOKENS = {"{", "}", "[", "]", "\"", ",", ":", "null", "true", "1e309", "-0", "\\u0000",
            "\\ud800", "\u0000", "\uFEFF", "\u202E", "\"\"\"", "\r", "\n", "\t", "{\"id\":", "[[[[[[[[", "]]]]]]",
            "\"questions\":{}", "\"answer\":[]", "\"facts\":\"x\"", "\"lang\":7", "𝔘𝔫𝔦", "\\", "'", ";", "|", "\"\n\""};

    @Test
    void mutatedJsonlAndCsvOnlyEverFailWithLineNumbers() {
        Random random = new Random(SEED);
        int parsed = 0;
        int refused = 0;
        List<String> other = new ArrayList<>();
        for (int format = 0; format < 2; format++) {
            String base = format == 0 ? JSONL : CSV;
            for (int i = 0; i < CASES; i++) {
                String input = mutate(base, random);
                int lines = (int) input.chars().filter(ch -> ch == '\n' || ch == '\r').count() + 1;
                try {
                    if (format == 0) {
                        ScriptFiles.readJsonl(new StringReader(input), "fuzz-" + i);
                    } else {
                        ScriptFiles.readCsv(new StringReader(input), "fuzz-" + i);
                    }
                    parsed++;
                } catch (ScriptFormatException e) {
                    refused++;
                    assertThat(e.errors()).as("errors of case %d", i).isNotEmpty();
                    e.errors().forEach(err -> assertThat(err.line()).as("line of %s", err).isBetween(1, lines + 1));
                } catch (Throwable t) {
                    if (other.size() < 10) other.add((format == 0 ? "jsonl" : "csv") + " case " + i + ": " + t
                            + "\n  input: " + input.replace("\n", "⏎").substring(0, Math.min(300, input.length())));
                    else other.add("...");
                }
            }
        }
        System.out.printf("[fuzz] kb import: %d cases (seed %d): %d read, %d refused with line numbers, %d other%n",
                2 * CASES, SEED, parsed, refused, other.size());
        assertThat(other).as("exceptions other than ScriptFormatException").isEmpty();
    }

    static String mutate(String base, Random random) {
        StringBuilder s = new StringBuilder(base);
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits; e++) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length());
            switch (random.nextInt(7)) {
                case 0 -> { if (s.length() > 0) s.deleteCharAt(at); }
                case 1 -> s.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 2 -> s.setLength(at); // truncated file
                case 3 -> s.insert(at, (char) random.nextInt(0x3000));
                case 4 -> { // a line repeated
                    String[] lines = s.toString().split("\n", -1);
                    s.append('\n').append(lines[random.nextInt(lines.length)]);
                }
                case 5 -> s.insert(at, "x".repeat(random.nextInt(5_000)));
                default -> { if (s.length() > 0) s.setCharAt(at, TOKENS[random.nextInt(TOKENS.length)].charAt(0)); }
            }
        }
        return s.toString();
    }
}
