package xiaoer.engine.shop;

import xiaoer.engine.shop.damage.DamageReport;
import xiaoer.engine.shop.returns.ReturnRequest;
import xiaoer.engine.shop.tickets.Ticket;
import xiaoer.engine.text.ServiceTexts;

import java.util.Map;

/**
 * The texts a shopper gets in the chat when staff act on their records: a return moved, a ticket's result, a damage
 * report decided. From {@code notices.properties} (and {@code notices_en.properties} for shoppers who write in
 * English) so trainers can reword them; every text passes the lint (tested). {@code lang} is the shopper's language
 * ({@code zh}, {@code en}; anything else is Chinese).
 */
public final class ShopNotices {

    private static final String RESOURCE = "/xiaoer/engine/shop/notices.properties";
    private final ServiceTexts texts = ServiceTexts.load(RESOURCE);

    /** Every key of every language, as {@code lang:key} (the lint test reads them all). */
    public Map<String, String> all() {
        Map<String, String> all = new java.util.TreeMap<>();
        for (String lang : ServiceTexts.LANGS) {
            ServiceTexts in = texts.in(lang);
            in.ownKeys().forEach(k -> all.put(lang + ":" + k, in.get(k)));
        }
        return all;
    }

    public String returnMoved(ReturnRequest r, String lang) {
        ServiceTexts say = texts.in(lang);
        String note = r.steps().isEmpty() ? null : r.steps().get(r.steps().size() - 1).note();
        return say.get("return." + r.state().name(), Map.of("orderNo", r.orderNo(),
                "kind", say.get("kind." + r.kind().name()), "note", note(say, note)));
    }

    public String ticketResult(Ticket t, String lang) {
        return texts.in(lang).get("ticket.result", Map.of("ticketNo", t.number(), "result", stripEnd(t.result())));
    }

    public String photoReceived(String lang) {
        return texts.in(lang).get("damage.photo_received");
    }

    public String damageOpened(DamageReport r, String lang) {
        ServiceTexts say = texts.in(lang);
        return say.get("damage.opened", Map.of("kind", say.get("damage.kind." + r.kind().name())));
    }

    public String damageDecided(DamageReport r, String lang) {
        ServiceTexts say = texts.in(lang);
        return say.get("damage.decided." + r.decision().name(), Map.of(
                "kind", say.get("damage.kind." + r.kind().name()), "note", note(say, r.decisionNote())));
    }

    /** Staff's note in the language's brackets, or nothing. */
    private static String note(ServiceTexts say, String note) {
        return note == null || note.isBlank() ? "" : say.get("note", Map.of("note", stripEnd(note)));
    }

    private static String stripEnd(String s) {
        String t = s == null ? "" : s.strip();
        while (!t.isEmpty() && "。.！!".indexOf(t.charAt(t.length() - 1)) >= 0) t = t.substring(0, t.length() - 1);
        return t;
    }
}
