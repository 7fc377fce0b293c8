package org.exportaudit.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real SMTP server, GreenMail, on 127.0.0.1:2525, where the test servers' mail session sends
 * (server-config/cli/mail.cli). Tests start and stop it to play an SMTP server that is down. The
 * cluster tests' nodes send to a port of their own (export-audit.it.smtp-port), so that they run
 * beside the PostgreSQL tests.
 */
final class MailSink implements AutoCloseable {

    static final int PORT = Integer.getInteger("export-audit.it.smtp-port", 2525);

    private final GreenMail smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static MailSink started() {
        MailSink sink = new MailSink();
        sink.smtp.start();
        return sink;
    }

    /** The messages received for one export (the file name is in every notice), for one recipient. */
    List<MimeMessage> about(String fileName, String recipient) {
        return Stream.of(smtp.getReceivedMessages())
                .filter(message -> body(message).contains(fileName) && to(message).contains(recipient))
                .toList();
    }

    /** Waits up to {@code seconds} for the first message about the export to the recipient. */
    MimeMessage await(String fileName, String recipient, int seconds) throws InterruptedException {
        for (int attempt = 0; attempt < seconds * 50; attempt++) {
            List<MimeMessage> found = about(fileName, recipient);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no mail about " + fileName + " to " + recipient + " within " + seconds + " s");
    }

    static String body(MimeMessage message) {
        try {
            message.getContent(); // parses the message
            return new String(message.getRawInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    + message.getSubject();
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients == null ? "" : Arrays.toString(recipients);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
