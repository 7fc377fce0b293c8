package org.exportaudit.export.control;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.exportaudit.export.encoder.CountingOutputStream;

/**
 * An export's partial file as it is written ({@link ExportFolder#openPartial}): buffered, and counted
 * and hashed on the way, so that the export completes with the size and SHA-256 of the very bytes it
 * wrote, without reading the file back. The job's writer and the demo history's files write it alike.
 */
public final class PartialFile implements Closeable {

    private final MessageDigest digest;
    private final CountingOutputStream out;

    PartialFile(Path path) throws IOException {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has it
        }
        out = new CountingOutputStream(new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), digest));
    }

    /** Where the file's bytes go. */
    public OutputStream stream() {
        return out;
    }

    /** The bytes written so far: the file's size once its last byte is written. */
    public long size() {
        return out.count();
    }

    /** The SHA-256 of the bytes written, once the last one is: asked once, as it ends the hash. */
    public String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
