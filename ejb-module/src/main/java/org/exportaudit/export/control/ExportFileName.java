package org.exportaudit.export.control;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.export.entity.ExportFormat;

/**
 * The name an export file is offered under. Users may name their files, with accents and spaces,
 * but never with anything a file system or a browser would read as a path or a device: such names
 * are refused, not quietly rewritten, so the user sees what they get.
 */
public final class ExportFileName {

    // Well within the column (Export.FILE_NAME_LENGTH): names are offered to browsers and file systems too.
    static final int LONGEST = 120;

    // Path separators, Windows' reserved characters, every control character and every format
    // character (U+202E RIGHT-TO-LEFT OVERRIDE shows 'gpj.exe' as 'exe.jpg' in the log).
    private static final Pattern FORBIDDEN = Pattern.compile("[/\\\\<>:\"|?*\\p{Cntrl}\\p{Cf}]");

    // Windows opens a device for these, in any case, whatever follows the first dot ('nul.txt',
    // 'CON.tar.gz'), and with spaces before it: the downloaded file would never be written.
    private static final Pattern DEVICE = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9\u00b9\u00b2\u00b3]"
            + "|LPT[0-9\u00b9\u00b2\u00b3]) *(\\..*)?");

    private ExportFileName() {
    }

    /** The name a file gets when its user gives none, before its extension: {@code <source>-<date>}. */
    public static String byDefault(String sourceKey, LocalDate today) {
        return sourceKey + "-" + today;
    }

    /** The requested name with the format's extension, or {@code <source>-<date>.<ext>} when none. */
    public static String of(String requested, ExportFormat format, String sourceKey, LocalDate today) {
        String extension = "." + format.extension();
        if (requested == null || requested.isBlank()) {
            return byDefault(sourceKey, today) + extension;
        }
        String name = requested.strip();
        if (name.length() > LONGEST) {
            throw tooLong(); // before anything quotes the name back
        }
        if (FORBIDDEN.matcher(name).find() || name.contains("..") || name.startsWith(".") || name.startsWith("-")) {
            throw refused("invalid-file-name.unsafe", printable(name));
        }
        if (DEVICE.matcher(name).matches()) {
            throw refused("invalid-file-name.device", name);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (ExportFormat other : ExportFormat.values()) {
            if (other != format && lower.endsWith("." + other.extension())) {
                throw refused("invalid-file-name.other-format", name, other.name(), format.name());
            }
        }
        String withExtension = lower.endsWith(extension) ? name : name + extension;
        if (withExtension.length() > LONGEST) {
            throw tooLong();
        }
        return withExtension;
    }

    private static ExportRefused tooLong() {
        return refused("invalid-file-name.too-long", LONGEST);
    }

    private static ExportRefused refused(String key, Serializable... arguments) {
        return new ExportRefused("invalid-file-name", key, arguments);
    }

    private static String printable(String name) {
        return name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
    }
}
