package io.socketlab.reference.http;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * The reference server running in this JVM on a free port, over a small web site in a temporary
 * folder: a page whose script reports, in the page itself, whether its stylesheet and image arrived.
 */
final class TestSite implements AutoCloseable {

    static final String INDEX_HTML = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>SocketLab test page</title>
            <link rel="stylesheet" href="style.css"></head>
            <body><h1 id="title">Hello from the reference server</h1>
            <img id="logo" src="logo.png" alt="logo">
            <p id="report">not loaded</p>
            <script>
            window.addEventListener('load', function () {
              var logo = document.getElementById('logo');
              var color = getComputedStyle(document.getElementById('title')).color;
              document.getElementById('report').textContent =
                  'css ' + color + ', logo ' + logo.naturalWidth + 'x' + logo.naturalHeight;
            });
            </script></body></html>
            """;
    /** What the page's script writes once the stylesheet and the 7 x 5 image have both loaded. */
    static final String LOADED_REPORT = "css rgb(1, 2, 3), logo 7x5";
    static final String STYLE_CSS = "#title { color: rgb(1, 2, 3); }\n";
    static final byte[] LOGO_PNG = png(7, 5);

    final Path root;
    private final CountingServerSocket listener;
    private final Thread acceptor;

    private TestSite(Path root, CountingServerSocket listener) throws IOException {
        this.root = root;
        this.listener = listener;
        DocumentRoot documentRoot = new DocumentRoot(root);
        this.acceptor = new Thread(() -> HttpServer.acceptClients(listener, documentRoot), "test-site-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Writes the site into {@code folder} and serves it on a free loopback port. */
    static TestSite serve(Path folder) throws IOException {
        Files.writeString(folder.resolve("index.html"), INDEX_HTML, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("style.css"), STYLE_CSS, StandardCharsets.UTF_8);
        Files.write(folder.resolve("logo.png"), LOGO_PNG);
        CountingServerSocket listener = new CountingServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new TestSite(folder, listener);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
    }

    /** How many connections the server has accepted so far. */
    int connectionsAccepted() {
        return listener.accepted.get();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listener.close();
        acceptor.join(5_000);
    }

    private static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, new Color(x * 30, y * 50, 200).getRGB());
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A listening socket that counts the connections it accepts, so that tests can see reuse. */
    private static final class CountingServerSocket extends ServerSocket {

        final AtomicInteger accepted = new AtomicInteger();

        CountingServerSocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            Socket socket = super.accept();
            accepted.incrementAndGet();
            return socket;
        }
    }
}
