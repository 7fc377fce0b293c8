package org.exportaudit.web.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a download (RFC 6266): the export's name as an ASCII fallback
 * with anything that could break out of the quotes replaced, and the exact name in UTF-8 for
 * browsers that read {@code filename*}.
 */
final class AttachmentName {

    private AttachmentName() {
    }

    static String header(String fileName) {
        StringBuilder ascii = new StringBuilder(fileName.length());
        fileName.codePoints().forEach(c -> ascii.append(
                c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/' && c != ';' ? (char) c : '_'));
        String utf8 = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8;
    }
}
