package org.exportaudit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.exportaudit.client.Messages;
import org.exportaudit.export.entity.ExportStatus;
import org.junit.jupiter.api.Test;

/**
 * The refusals' texts (the client bundle {@code Messages}, which the API and the pages speak) are
 * complete in English and Swedish: the same keys in both, every key the code uses exists and every
 * key is used, every text formats. Tested here, where the business components' sources and the
 * web module's meet.
 */
class MessagesTest {

    private static final BundlePair MESSAGES = BundlePair.of(Messages.class, "Messages");
    /**
     * In the business components and the API every literal shaped like a key of this bundle is one;
     * the pages have a bundle of their own (Texts), so there only a refusal's key counts.
     */
    private static final List<Path> EVERY_LITERAL = List.of(Path.of("../ejb-module/src/main/java"),
            Path.of("src/main/java/org/exportaudit/web/api"));
    private static final Path PAGES = Path.of("src/main/java/org/exportaudit/web/pages");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z-]*(?:\\.[A-Za-z][A-Za-z-]*)+)\"");
    private static final Pattern REFUSAL_KEY = Pattern.compile(
            "(?:Refused\\(|Refusal\\.\\w+\\()\"[a-z-]+\",\\s*\"([^\"]+)\"");
    /** The moves an export's state machine refuses, which its refusals name under {@code move.}. */
    private static final Path EXPORT = Path.of("../ejb-module/src/main/java/org/exportaudit/export/entity/Export.java");
    private static final Pattern MOVE = Pattern.compile("require\\w+\\((?:by, )?\"([a-z-]+)\"\\)");

    @Test
    void english_and_swedish_have_the_same_keys() {
        MESSAGES.assertSameKeys();
    }

    @Test
    void every_key_used_exists_and_every_key_is_used() throws Exception {
        Set<String> keys = MESSAGES.english().stringPropertyNames();
        Set<String> namespaces = keys.stream().map(key -> key.split("\\.")[0]).collect(Collectors.toSet());
        Set<String> used = new TreeSet<>();
        for (Path root : EVERY_LITERAL) {
            BundlePair.matches(root, ".java", LITERAL).stream()
                    .filter(literal -> namespaces.contains(literal.split("\\.")[0])).forEach(used::add);
        }
        used.addAll(BundlePair.matches(PAGES, ".java", REFUSAL_KEY));
        // keys made of a prefix and a value: every value needs its key
        Arrays.stream(ExportStatus.values()).forEach(status -> used.add("status." + status.name()));
        Matcher moves = MOVE.matcher(Files.readString(EXPORT));
        while (moves.find()) {
            used.add("move." + moves.group(1));
        }
        assertEquals(Set.of(), BundlePair.missing(used, keys), "keys used but not in Messages.properties");
        assertEquals(Set.of(), BundlePair.missing(keys, used), "keys in Messages.properties that nothing uses");
    }

    @Test
    void every_text_formats_in_both_languages() {
        MESSAGES.assertPatternsFormat(true); // every refusal is formatted, with arguments or without
    }
}
