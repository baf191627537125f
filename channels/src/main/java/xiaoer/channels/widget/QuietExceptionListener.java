package xiaoer.channels.widget;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.listener.ExceptionListener;
import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Logs widget-side failures in one line without stack traces (garbage from the internet must not flood the log or
 * echo payloads into it) and closes a connection whose pipeline failed (oversized frame, broken packet).
 */
final class QuietExceptionListener implements ExceptionListener {

    private static final Logger log = LoggerFactory.getLogger(QuietExceptionListener.class);

    @Override
    public void onEventException(Exception e, List<Object> args, SocketIOClient client) {
        log.warn("widget event failed: {}", e.getClass().getSimpleName());
    }

    @Override
    public void onDisconnectException(Exception e, SocketIOClient client) {
        log.debug("widget disconnect failed: {}", e.toString());
    }

    @Override
    public void onConnectException(Exception e, SocketIOClient client) {
        log.warn("widget connect failed: {}", e.getClass().getSimpleName());
    }

    @Override
    public void onPingException(Exception e, SocketIOClient client) {
        log.debug("widget ping failed: {}", e.toString());
    }

    @Override
    public void onPongException(Exception e, SocketIOClient client) {
        log.debug("widget pong failed: {}", e.toString());
    }

    @Override
    public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("widget connection error, closing: {}", cause.getClass().getSimpleName());
        ctx.close();
        return true;
    }

    @Override
    public void onAuthException(Throwable e, SocketIOClient client) {
        log.warn("widget authorization failed: {}", e.getClass().getSimpleName());
    }
}
