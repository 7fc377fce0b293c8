package org.exportaudit.siem.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.exportaudit.siem.entity.OutletKind;

/**
 * A syslog collector over TCP ({@code tcp://host:port}) or TLS ({@code tls://host:port}, checked
 * against the JVM's default trust store and the host name), RFC 5424 messages with octet-counting
 * framing. One connection is kept open and opened again after a failure.
 *
 * <p>Written here rather than borrowed: a log handler (jboss-logmanager's SyslogHandler, a
 * {@code custom-handler}) reports a failed write to its error manager and carries on, so nobody could
 * tell a record that reached the collector from one that did not — and the delivery cursor must only
 * move past records that were written. Syslog over TCP has no acknowledgement (RELP would add one): a
 * write the kernel took may still be lost if the collector dies before reading it. Before a batch the
 * connection is checked for a collector that closed it meanwhile (a restart), so that the records of
 * the batch are not written into a dead connection.
 */
public final class SyslogCollector implements Outlet {

    static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final String host;
    private final int port;
    private final boolean tls;
    private final String name;
    private final String hostname;

    private Socket socket;
    private OutputStream out;
    private long lastWrite;

    /** {@code hostname}: this node, as the messages' HOSTNAME. */
    public SyslogCollector(URI address, String hostname) {
        this.host = address.getHost();
        this.port = address.getPort();
        this.tls = "tls".equals(address.getScheme());
        this.name = address.getScheme() + "://" + host + ":" + port;
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
            if (socket != null && System.nanoTime() - lastWrite > 1_000_000_000L && closedByCollector()) {
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
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            plain.setSoTimeout(CONNECT_TIMEOUT_MILLIS); // bounds the TLS handshake; writes are not bounded by it
            plain.setKeepAlive(true);
            Socket connected = plain;
            if (tls) {
                SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(plain, host, port, true);
                SSLParameters parameters = secure.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
                secure.setSSLParameters(parameters);
                secure.startHandshake();
                connected = secure;
            }
            connected.setSoTimeout(0);
            socket = connected;
            out = connected.getOutputStream();
        } catch (IOException e) {
            plain.close();
            throw e;
        }
    }

    /**
     * A collector sends nothing back, so a read that does not time out at once means it closed the
     * connection (end of stream) or broke it.
     */
    private boolean closedByCollector() {
        try {
            socket.setSoTimeout(1);
            InputStream in = socket.getInputStream();
            in.read(); // end of stream, or bytes a collector never sends: either way not a connection to write to
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
                out = null;
            }
        }
    }
}
