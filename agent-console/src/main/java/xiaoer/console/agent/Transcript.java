package xiaoer.console.agent;

import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.Conversation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A conversation as plain text for export: one line per event, notes marked, the bot's notes in brackets. */
final class Transcript {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Transcript() {
    }

    static String of(Conversation c, List<ChatEvent> events, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        out.append("会话 Conversation ").append(c.id()).append('\n')
                .append("店铺 Shop: ").append(c.shop()).append(" · 访客 Visitor: ").append(c.visitorId());
        if (c.customerName() != null) out.append(" (").append(c.customerName()).append(')');
        out.append('\n').append("状态 Status: ").append(c.status().name().toLowerCase());
        if (c.agentName() != null) out.append(" · 客服 Agent: ").append(c.agentName());
        out.append("\n\n");
        for (ChatEvent e : events) {
            out.append('[').append(TIME.format(e.at().atZone(zone))).append("] ")
                    .append(e.internal() ? "(内部备注 note) " : "").append(speaker(e)).append(": ")
                    .append(e.text().replace("\n", "\n    "));
            if (!e.meta().isEmpty() && e.meta().containsKey("decision")) {
                out.append("  {").append(botNotes(e)).append('}');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String speaker(ChatEvent e) {
        return switch (e.from()) {
            case SHOPPER -> "顾客";
            case BOT -> "机器人";
            case AGENT -> "客服 " + (e.agentName() == null ? "" : e.agentName());
            case SYSTEM -> "系统";
        };
    }

    private static String botNotes(ChatEvent e) {
        StringBuilder notes = new StringBuilder();
        e.meta().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(m -> {
            if (!notes.isEmpty()) notes.append(", ");
            notes.append(m.getKey()).append('=').append(m.getValue());
        });
        return notes.toString();
    }
}
