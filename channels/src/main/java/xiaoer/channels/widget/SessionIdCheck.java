package xiaoer.channels.widget;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Answers an Engine.IO request whose {@code sid} is not a live session of this node with Engine.IO's own error (400
 * {@code Session ID unknown}) and closes it. Found by the widget fuzz test: netty-socketio left a request with a sid
 * that is no UUID ({@code sid=null}, garbage) unanswered, holding the connection open until the client gave up, and
 * answered an unknown UUID with a 500. Methods other than GET, POST and OPTIONS get 400 {@code Bad request} here too
 * (netty-socketio answered a PUT on a live session with a 500).
 */
@ChannelHandler.Sharable
final class SessionIdCheck extends ChannelInboundHandlerAdapter {

    static final String NAME = "xiaoerSessionIdCheck";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final byte[] UNKNOWN_SID = "{\"code\":1,\"message\":\"Session ID unknown\"}"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BAD_METHOD = "{\"code\":3,\"message\":\"Bad request\"}"
            .getBytes(StandardCharsets.US_ASCII);

    private final java.util.function.Predicate<java.util.UUID> live;

    SessionIdCheck(java.util.function.Predicate<java.util.UUID> live) {
        this.live = live;
    }

    private boolean known(String sid) {
        return sid != null && UUID_TEXT.matcher(sid).matches() && live.test(java.util.UUID.fromString(sid));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof FullHttpRequest req) {
            HttpMethod method = req.method();
            if (!HttpMethod.GET.equals(method) && !HttpMethod.POST.equals(method)
                    && !HttpMethod.OPTIONS.equals(method)) {
                refuse(ctx, req, BAD_METHOD);
                return;
            }
            List<String> sid = new QueryStringDecoder(req.uri()).parameters().get("sid");
            if (sid != null && (sid.isEmpty() || !known(sid.get(0)))) {
                refuse(ctx, req, UNKNOWN_SID);
                return;
            }
        }
        super.channelRead(ctx, msg);
    }

    private static void refuse(ChannelHandlerContext ctx, FullHttpRequest req, byte[] body) {
        req.release();
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                Unpooled.wrappedBuffer(body));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }
}
