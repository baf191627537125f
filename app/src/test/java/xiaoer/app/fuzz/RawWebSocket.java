package xiaoer.app.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * A bare WebSocket client over a plain socket, for what a well-behaved client never does: malformed Engine.IO and
 * socket.io packets, huge or binary frames, or never reading at all (a stuck client). Text and binary frames are
 * masked as RFC 6455 requires of clients.
 */
public final class RawWebSocket implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Random mask = new Random(7);
    private final int handshakeStatus;

    private RawWebSocket(Socket socket, int status) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.handshakeStatus = status;
    }

    /** Opens {@code /socket.io/?EIO=4&transport=websocket&<query>} and reads the HTTP answer's status. */
    public static RawWebSocket open(int port, String query, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) s.setReceiveBufferSize(receiveBuffer);
        s.connect(new InetSocketAddress("127.0.0.1", port), 3_000);
        s.setSoTimeout(5_000);
        String key = Base64.getEncoder().encodeToString("xiaoer-raw-sock!".getBytes(StandardCharsets.US_ASCII));
        String request = "GET /socket.io/?EIO=4&transport=websocket" + (query.isEmpty() ? "" : "&" + query)
                + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        // read the status line and headers only
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') break;
            if (n > 16_384) break;
        }
        String status = head.toString(StandardCharsets.US_ASCII);
        int code = status.startsWith("HTTP/1.1 ") && status.length() >= 12 ? Integer.parseInt(status.substring(9, 12)) : -1;
        return new RawWebSocket(s, code);
    }

    public int handshakeStatus() {
        return handshakeStatus;
    }

    public void sendText(String text) throws IOException {
        sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8), true);
    }

    public void sendBinary(byte[] data) throws IOException {
        sendFrame(0x2, data, true);
    }

    /** Any frame, e.g. a wrong opcode or an unfinished fragment. */
    public void sendFrame(int opcode, byte[] payload, boolean fin) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 14);
        f.write((fin ? 0x80 : 0) | (opcode & 0x0F));
        int len = payload.length;
        if (len < 126) {
            f.write(0x80 | len);
        } else if (len < 65_536) {
            f.write(0x80 | 126);
            f.write(len >>> 8);
            f.write(len & 0xFF);
        } else {
            f.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) f.write((int) (((long) len) >>> (8 * i)) & 0xFF);
        }
        byte[] m = new byte[4];
        mask.nextBytes(m);
        f.write(m, 0, 4);
        for (int i = 0; i < len; i++) f.write(payload[i] ^ m[i & 3]);
        out.write(f.toByteArray());
        out.flush();
    }

    /** Raw bytes on the socket, not framed at all. */
    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads whatever arrives within {@code millis} (frames unparsed); -1 when the server closed the connection. */
    public int drain(int millis) throws IOException {
        socket.setSoTimeout(Math.max(1, millis));
        byte[] buf = new byte[8192];
        int total = 0;
        try {
            int n;
            while ((n = in.read(buf)) > 0) total += n;
            return n < 0 ? -1 : total;
        } catch (java.net.SocketTimeoutException e) {
            return total;
        }
    }

    public boolean isClosedByServer() {
        try {
            return drain(50) < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
