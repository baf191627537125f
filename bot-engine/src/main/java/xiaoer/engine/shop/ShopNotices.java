package xiaoer.engine.shop;

import xiaoer.engine.shop.damage.DamageReport;
import xiaoer.engine.shop.returns.ReturnRequest;
import xiaoer.engine.shop.returns.ReturnState;
import xiaoer.engine.shop.tickets.Ticket;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The texts a shopper gets in the chat when staff act on their records: a return moved, a ticket's result, a damage
 * report decided. From {@code notices.properties} so trainers can reword them; every text passes the lint (tested).
 */
public final class ShopNotices {

    private static final String RESOURCE = "/xiaoer/engine/shop/notices.properties";
    private final Properties texts = new Properties();

    public ShopNotices() {
        try (InputStream in = ShopNotices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every key (the lint test reads them all). */
    public Map<String, String> all() {
        Map<String, String> all = new java.util.TreeMap<>();
        texts.stringPropertyNames().forEach(k -> all.put(k, texts.getProperty(k)));
        return all;
    }

    public String returnMoved(ReturnRequest r) {
        ReturnState state = r.state();
        String note = r.steps().isEmpty() ? null : r.steps().get(r.steps().size() - 1).note();
        return text("return." + state.name(), Map.of("orderNo", r.orderNo(), "kind", text("kind." + r.kind().name(), Map.of()),
                "note", note == null || note.isBlank() ? "" : "（" + note.strip() + "）"));
    }

    public String ticketResult(Ticket t) {
        return text("ticket.result", Map.of("ticketNo", t.number(), "result", stripEnd(t.result())));
    }

    public String photoReceived() {
        return text("damage.photo_received", Map.of());
    }

    public String damageOpened(DamageReport r) {
        return text("damage.opened", Map.of("kind", text("damage.kind." + r.kind().name(), Map.of())));
    }

    public String damageDecided(DamageReport r) {
        String note = r.decisionNote();
        return text("damage.decided." + r.decision().name(), Map.of(
                "kind", text("damage.kind." + r.kind().name(), Map.of()),
                "note", note == null || note.isBlank() ? "" : "（" + stripEnd(note) + "）"));
    }

    private static String stripEnd(String s) {
        String t = s == null ? "" : s.strip();
        while (!t.isEmpty() && "。.！!".indexOf(t.charAt(t.length() - 1)) >= 0) t = t.substring(0, t.length() - 1);
        return t;
    }

    private String text(String key, Map<String, ?> args) {
        String value = texts.getProperty(key);
        if (value == null) throw new IllegalArgumentException("no notice text " + key);
        for (Map.Entry<String, ?> a : args.entrySet()) value = value.replace("{" + a.getKey() + "}", String.valueOf(a.getValue()));
        return value;
    }
}
