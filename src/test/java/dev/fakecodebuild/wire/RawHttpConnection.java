package dev.fakecodebuild.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection to the fake on a plain socket, so a test controls exactly what is sent
 * and can check that the same connection keeps working. Every read times out.
 */
public final class RawHttpConnection implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 5_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final int port;

    /** A response as read off the wire. Header names are lower case. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(",", values);
        }
    }

    /**
     * Open a connection to the loopback port of the given endpoint.
     *
     * @param endpoint the fake's endpoint, {@code http://127.0.0.1:{port}}
     */
    public RawHttpConnection(URI endpoint) {
        if (!"127.0.0.1".equals(endpoint.getHost())) {
            throw new IllegalArgumentException("only the loopback fake: " + endpoint);
        }
        this.port = endpoint.getPort();
        try {
            this.socket = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Build the bytes of a request with a {@code Content-Length} body.
     *
     * @param method for example {@code POST}
     * @param path for example {@code /}
     * @param target the {@code X-Amz-Target} value, or {@code null} for none
     * @param body the body, sent as UTF-8
     */
    public String request(String method, String path, String target, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder();
        request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        request.append("Host: 127.0.0.1:").append(port).append("\r\n");
        request.append("Content-Type: application/x-amz-json-1.1\r\n");
        if (target != null) {
            request.append("X-Amz-Target: ").append(target).append("\r\n");
        }
        request.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        request.append(body);
        return request.toString();
    }

    /** Write raw request text (UTF-8) in one write. */
    public void write(String raw) {
        try {
            out.write(raw.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Send one request and read its response. */
    public Response exchange(String method, String path, String target, String body) {
        write(request(method, path, target, body));
        return read();
    }

    /** Read one response; its body is framed by Content-Length or chunked encoding. */
    public Response read() {
        try {
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ")) {
                throw new IllegalStateException("not an HTTP/1.1 status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                headers.computeIfAbsent(
                                header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                name -> new ArrayList<>())
                        .add(header.substring(colon + 1).trim());
            }
            byte[] body;
            List<String> length = headers.get("content-length");
            List<String> encoding = headers.get("transfer-encoding");
            if (length != null) {
                body = in.readNBytes(Integer.parseInt(length.get(0)));
            } else if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
                body = chunked();
            } else if (status == 100 || status == 204 || status == 304) {
                body = new byte[0];
            } else {
                throw new IllegalStateException("response without a length: " + headers);
            }
            return new Response(
                    status, Map.copyOf(headers), new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt(semicolon < 0 ? size : size.substring(0, semicolon), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line();
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("connection closed by the server");
            }
            if (next == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? 1 : 0;
                return new String(bytes, 0, bytes.length - end, StandardCharsets.ISO_8859_1);
            }
            line.write(next);
        }
    }

    /**
     * Tell whether the server closed the connection, waiting at most the read timeout.
     *
     * @return true if the next read sees the end of the stream
     */
    public boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return e instanceof java.net.SocketException;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
