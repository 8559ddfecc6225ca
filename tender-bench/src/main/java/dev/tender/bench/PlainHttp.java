package dev.tender.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One kept-alive HTTP/1.1 connection that posts JSON and reads answers with a {@code Content-Length},
 * which is all the node sends to a submit. The load's clients use it instead of {@code java.net.http}:
 * that client cost about 0.3 ms of CPU a request, half a core of the two the driver shares with the
 * node and the database, so the driver measured itself as much as the node.
 */
final class PlainHttp implements AutoCloseable {

    /** A status and a body. */
    record Answer(int status, String body) {}

    private final InetSocketAddress address;
    private final String host;
    private final String authorization;
    private @Nullable Connection connection;

    private record Connection(Socket socket, InputStream in, OutputStream out) {}

    PlainHttp(URI base, String token) {
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        this.host = base.getHost() + ":" + base.getPort();
        this.authorization = "Bearer " + token;
    }

    /** Posts {@code json} to {@code path}; opens the connection again if the node closed it. */
    Answer post(String path, String idempotencyKey, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + idempotencyKey
                + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        if (connection == null) {
            connection = connect();
        }
        try {
            return exchange(connection, head, body);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private Connection connect() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 5_000);
        socket.setSoTimeout(60_000);
        return new Connection(
                socket, new BufferedInputStream(socket.getInputStream(), 16 * 1024), socket.getOutputStream());
    }

    private Answer exchange(Connection connection, String head, byte[] body) throws IOException {
        InputStream in = connection.in();
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] message = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, message, 0, headBytes.length);
        System.arraycopy(body, 0, message, headBytes.length, body.length);
        connection.out().write(message);
        connection.out().flush();
        String status = line(in);
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean closes = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closes = true;
            }
        }
        if (length < 0) {
            throw new IOException("HTTP " + code + " without a Content-Length");
        }
        String answer = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        if (closes) {
            close();
        }
        return new Answer(code, answer);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the node closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.socket().close();
            } catch (IOException e) {
                // closing a connection we give up on; nothing to do
            }
        }
        connection = null;
    }
}
