package org.exportaudit.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mail server on 127.0.0.1:2525 (where the test servers send) that keeps every sender waiting:
 * it takes the connection and sends one line of its greeting ({@code 220-}) a second, never the
 * last, so that no read of the sender's times out and it waits for as long as the test likes. Once
 * released it greets and takes the mails, so that none is left to retry into the next tests.
 */
final class StalledSmtp implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger waiting = new AtomicInteger();

    private StalledSmtp() throws IOException {
        server = new ServerSocket(MailSink.PORT, 50, InetAddress.getLoopbackAddress());
        connections.execute(this::accept);
    }

    static StalledSmtp started() throws IOException {
        return new StalledSmtp();
    }

    /** Senders connected and still waiting for the greeting. */
    int waiting() {
        return waiting.get();
    }

    /** Greets the waiting senders, and every later one at once, and takes their mails. */
    void release() {
        released.countDown();
    }

    @Override
    public void close() throws Exception {
        release();
        server.close();
        connections.shutdown();
        connections.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket sender = server.accept();
                connections.execute(() -> serve(sender));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            waiting.incrementAndGet();
            try {
                while (!released.await(1, TimeUnit.SECONDS)) {
                    reply(out, "220-stalled.test is busy");
                }
            } finally {
                waiting.decrementAndGet();
            }
            reply(out, "220 stalled.test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                switch (line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT)) {
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
                            // the message itself is the outbox's business; this server only takes it
                        }
                        reply(out, "250 taken");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 stalled.test");
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the sender hung up, or the test is over
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
