package xiaoer.channels.widget;

import com.corundumstudio.socketio.SocketIOClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.Visitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One connected widget socket. Live events that arrive before its replay was sent are held back, then merged with the
 * replay by seq, so the shopper gets every event after their {@code lastSeq} exactly once and in order.
 */
final class WidgetSession {

    private static final Logger log = LoggerFactory.getLogger(WidgetSession.class);
    private static final int EARLY_LIMIT = 10_000;
    private static final int DELIVERED_WINDOW = 1024;

    private final SocketIOClient client;
    private final Visitor visitor;
    private final String ip;
    private final DeliveredSeqs delivered;
    private final long lastSeq;
    /** The language of the page the widget is on (null: not said or not spoken here). */
    private final String pageLang;
    private List<ChatEvent> early = new ArrayList<>();
    private boolean connectQueued;

    WidgetSession(SocketIOClient client, Visitor visitor, String ip, long lastSeq, String pageLang) {
        this.client = client;
        this.visitor = visitor;
        this.ip = ip;
        this.lastSeq = lastSeq;
        this.pageLang = pageLang;
        this.delivered = new DeliveredSeqs(DELIVERED_WINDOW, lastSeq);
    }

    long lastSeq() {
        return lastSeq;
    }

    String pageLang() {
        return pageLang;
    }

    /** True the first time only: a client that sends CONNECT twice is replayed once. */
    synchronized boolean markConnectQueued() {
        if (connectQueued) return false;
        connectQueued = true;
        return true;
    }

    Visitor visitor() {
        return visitor;
    }

    String ip() {
        return ip;
    }

    SocketIOClient client() {
        return client;
    }

    /** Sends the events missed while away, then the live ones that came in meanwhile; from now on events go out live. */
    synchronized void replay(List<ChatEvent> missed) {
        for (ChatEvent e : missed) send(e);
        List<ChatEvent> held = early;
        early = null;
        held.sort(Comparator.comparingLong(ChatEvent::seq));
        for (ChatEvent e : held) send(e);
    }

    /** A live event for this visitor (never internal, never the shopper's own). */
    synchronized void deliver(ChatEvent e) {
        if (early != null) {
            if (early.size() < EARLY_LIMIT) early.add(e);
            else log.warn("widget {} held too many events before replay; seq {} left to the next replay", visitor.key(), e.seq());
            return;
        }
        send(e);
    }

    private void send(ChatEvent e) {
        if (e.internal() || !delivered.markNew(e.seq())) return;
        client.sendEvent("message", WirePayloads.message(e));
    }
}
