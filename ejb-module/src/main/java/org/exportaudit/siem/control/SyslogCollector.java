package org.exportaudit.siem.control;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.exportaudit.siem.entity.OutletKind;

/**
 * A syslog collector over TCP ({@code tcp://host:port}) or TLS ({@code tls://host:port}, checked
 * against the JVM's default trust store and the host name), RFC 5424 messages with octet-counting
 * framing. One connection is kept open, and opened again after a failure.
 *
 * <p>Written here rather than borrowed: a log handler (jboss-logmanager's SyslogHandler, as a
 * {@code custom-handler}) reports a failed write to its error manager and carries on, so nobody could
 * tell a record that reached the collector from one that did not — and the delivery cursor must move
 * only past records that were written.
 *
 * <p>Syslog over TCP has no acknowledgement (RELP would add one), and a write into a connection the
 * collector has closed (a restart) still succeeds once: the kernel takes it, and the peer's reset
 * only fails the write after it. So before each write the connection is checked for the collector's
 * end of stream — a collector never sends anything — and opened again: over TCP with a non-blocking
 * read that costs nothing; over TLS with a read that waits 1 ms (a raw read would take the TLS
 * layer's own records), only when the connection has been idle for {@value #IDLE_MILLIS} ms. What
 * remains is a collector that dies between taking a write into its kernel and reading it.
 */
public final class SyslogCollector implements Outlet {

    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final long IDLE_MILLIS = 200;

    private final String host;
    private final int port;
    private final boolean tls;
    private final String name;
    private final String hostname;

    private Socket socket;
    private SocketChannel channel; // plain TCP only
    private OutputStream out;
    private long lastWrite;

    /** {@code hostname}: this node, as the messages' HOSTNAME. */
    public SyslogCollector(URI address, String hostname) {
        this.host = address.getHost();
        this.port = address.getPort();
        this.tls = "tls".equalsIgnoreCase(address.getScheme());
        this.name = (tls ? "tls" : "tcp") + "://" + host + ":" + port;
        this.hostname = hostname;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OutletKind kind() {
        return OutletKind.SYSLOG;
    }

    @Override
    public synchronized void send(StreamedRecord record) throws IOException {
        byte[] frame = SyslogMessage.framed(SyslogMessage.of(record, hostname));
        try {
            if (socket != null && closedByCollector()) {
                close();
            }
            if (socket == null) {
                connect();
            }
            out.write(frame);
            out.flush();
            lastWrite = System.nanoTime();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        if (!tls) {
            SocketChannel plain = SocketChannel.open();
            try {
                plain.socket().connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
                plain.socket().setKeepAlive(true);
                out = plain.socket().getOutputStream();
                channel = plain;
                socket = plain.socket();
            } catch (IOException e) {
                plain.close();
                throw e;
            }
            return;
        }
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            plain.setSoTimeout(CONNECT_TIMEOUT_MILLIS); // bounds the handshake
            plain.setKeepAlive(true);
            SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(plain, host, port, true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
            secure.setSSLParameters(parameters);
            secure.startHandshake();
            secure.setSoTimeout(0);
            out = secure.getOutputStream();
            socket = secure;
        } catch (IOException e) {
            plain.close();
            throw e;
        }
    }

    /** The collector closed the connection, or it broke: anything a read finds means it is not one to write to. */
    private boolean closedByCollector() {
        if (channel != null) {
            try {
                channel.configureBlocking(false);
                try {
                    return channel.read(ByteBuffer.allocate(64)) != 0;
                } finally {
                    channel.configureBlocking(true);
                }
            } catch (IOException broken) {
                return true;
            }
        }
        if (System.nanoTime() - lastWrite < IDLE_MILLIS * 1_000_000) {
            return false;
        }
        try {
            socket.setSoTimeout(1);
            socket.getInputStream().read();
            return true;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (IOException broken) {
            return true;
        } finally {
            try {
                if (!socket.isClosed()) {
                    socket.setSoTimeout(0);
                }
            } catch (IOException ignored) {
                // the write that follows reports it
            }
        }
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection that is being given up
            } finally {
                socket = null;
                channel = null;
                out = null;
            }
        }
    }
}
