package org.exportaudit.audit.boundary;

import java.nio.file.Path;

/** A completed export's file, ready to stream: where it is, and the name and type to send it as. */
public record DownloadableFile(Path path, String fileName, String contentType, long size) {
}
