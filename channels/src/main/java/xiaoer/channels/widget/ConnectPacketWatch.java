package xiaoer.channels.widget;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.messages.PacketsMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Tells when netty-socketio has answered a client's socket.io CONNECT packet ({@code 40}). With Engine.IO v4 it calls
 * connect listeners already at the Engine.IO handshake, before the client's CONNECT arrives; events sent then reach
 * the client before its socket counts as connected (the official JS client buffers them, the Java client mangles them).
 * So the widget's replay waits for this signal: it fires after the packet handler has processed the CONNECT on this
 * same thread, i.e. after the CONNECT answer was queued, so every later event follows it.
 */
@ChannelHandler.Sharable
final class ConnectPacketWatch extends ChannelInboundHandlerAdapter {

    private static final String NAME = "xiaoerConnectWatch";
    private final Consumer<UUID> onConnected;

    ConnectPacketWatch(Consumer<UUID> onConnected) {
        this.onConnected = onConnected;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!(msg instanceof PacketsMessage packets)) {
            super.channelRead(ctx, msg);
            return;
        }
        boolean connect = containsConnect(packets.getContent());
        UUID sessionId = packets.getClient().getSessionId();
        super.channelRead(ctx, msg); // the packet handler runs synchronously here
        if (connect) onConnected.accept(sessionId);
    }

    /** An Engine.IO MESSAGE (4) carrying a socket.io CONNECT (0), alone or in a \u001e-separated polling payload. */
    static boolean containsConnect(ByteBuf content) {
        int start = content.readerIndex(), end = content.writerIndex();
        for (int i = start; i + 1 < end; i++) {
            if ((i == start || content.getByte(i - 1) == 0x1e) && content.getByte(i) == '4' && content.getByte(i + 1) == '0') {
                return true;
            }
        }
        return false;
    }

    /** netty-socketio's pipeline with this watch placed right before its packet handler, and a sid check. */
    static SocketIOChannelInitializer pipelineWith(ConnectPacketWatch watch, SessionIdCheck sessionIdCheck) {
        return new SocketIOChannelInitializer() {
            @Override
            protected void addSocketioHandlers(ChannelPipeline pipeline) {
                super.addSocketioHandlers(pipeline);
                pipeline.addBefore(SocketIOChannelInitializer.PACKET_HANDLER, NAME, watch);
                // refuses requests whose sid is no session id before netty-socketio leaves them hanging
                pipeline.addBefore(SocketIOChannelInitializer.AUTHORIZE_HANDLER, SessionIdCheck.NAME, sessionIdCheck);
            }
        };
    }
}
