package org.exportaudit.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.exportaudit.audit.entity.AuditKind;
import org.exportaudit.client.PolicyAction;
import org.exportaudit.export.entity.ExportStatus;
import org.exportaudit.web.BundlePair;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The pages speak English and Swedish from one bundle: no key is missing in either language, every
 * key the pages and beans use exists, every pattern formats, and no page carries a text of its own.
 */
class TextsTest {

    private static final BundlePair TEXTS = BundlePair.of(TextsTest.class, "Texts");
    private static final Path PAGES = Path.of("src/main/webapp");
    private static final Path BEANS = Path.of("src/main/java/org/exportaudit/web/pages");
    /** The attributes whose values people read: a text there must come from the bundle too. */
    private static final Set<String> READ_ATTRIBUTES = Set.of("value", "header", "headerText", "footerText", "title",
            "placeholder", "itemLabel", "emptyMessage", "message", "label", "ariaLabel", "aria-label", "alt",
            "converterMessage", "requiredMessage", "validatorMessage", "summary");
    /** Elements whose text is code, not words: scripts, styles, and the values of input components. */
    private static final Set<String> CODE = Set.of("script", "style");
    private static final Pattern EXPRESSION = Pattern.compile("#\\{[^}]*}");
    /** Words that are the same in every language: formats, and the product's name in code. */
    private static final Pattern NAMES = Pattern.compile("\\b(CSV|XLSX)\\b");

    @Test
    void english_and_swedish_have_the_same_keys() {
        TEXTS.assertSameKeys();
    }

    @Test
    void every_key_the_pages_and_beans_use_exists() throws IOException {
        Set<String> keys = TEXTS.english().stringPropertyNames();
        List<String> used = new ArrayList<>();
        used.addAll(BundlePair.matches(PAGES, ".xhtml", Pattern.compile("text\\['([A-Za-z0-9._-]+)']")));
        used.addAll(BundlePair.matches(BEANS, ".java", Pattern.compile("Texts\\.of\\(\"([A-Za-z0-9._-]+)\"")));
        // keys made of a prefix and a value: every value needs its key
        Arrays.stream(ExportStatus.values()).forEach(status -> used.add("status." + status.name()));
        Arrays.stream(AuditKind.values()).forEach(kind -> used.add("kind." + kind.name()));
        Stream.of(PolicyAction.values()).forEach(action -> used.add("policy.action." + action.key()));
        Stream.of("records", "exports").forEach(measure -> used.add("policy.measure." + measure));
        Stream.of("approved", "denied", "withdrawn").forEach(done -> used.add("decision.done." + done));
        List<String> missing = used.stream().filter(key -> !key.endsWith(".")).filter(key -> !keys.contains(key))
                .distinct().sorted().toList();
        assertEquals(List.of(), missing, "keys used but not in Texts.properties");
    }

    @Test
    void every_pattern_formats_in_both_languages() {
        TEXTS.assertPatternsFormat(false);
    }

    @Test
    void numbers_are_written_as_each_language_writes_them() {
        String english = new MessageFormat(TEXTS.english().getProperty("number"), Locale.ENGLISH).format(new Object[] {275000});
        String swedish = new MessageFormat(TEXTS.swedish().getProperty("number"), Locale.forLanguageTag("sv"))
                .format(new Object[] {275000});
        assertEquals("275,000", english);
        assertEquals("275 000", swedish.replace('\u00a0', ' '));
    }

    @Test
    void no_page_has_a_text_of_its_own() throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> pages = Files.walk(PAGES)) {
            for (Path page : pages.filter(path -> path.toString().endsWith(".xhtml")).toList()) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
                factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                Document document = factory.newDocumentBuilder().parse(page.toFile());
                collect(document.getDocumentElement(), PAGES.relativize(page).toString(), found);
            }
        }
        assertEquals(List.of(), found, "texts on the pages that do not come from the bundle");
    }

    private static void collect(Element element, String page, List<String> found) {
        if (CODE.contains(element.getLocalName() == null ? element.getTagName() : element.getLocalName())) {
            return;
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            boolean address = attribute.getNodeValue().contains("/"); // an outputLink's value is where it goes
            if (READ_ATTRIBUTES.contains(attribute.getNodeName()) && !address && words(attribute.getNodeValue())) {
                found.add(page + ": " + element.getTagName() + " " + attribute.getNodeName() + "=\"" + attribute.getNodeValue() + "\"");
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                collect(nested, page, found);
            } else if (child.getNodeType() == Node.TEXT_NODE && words(child.getNodeValue())) {
                found.add(page + ": text in " + element.getTagName() + ": " + child.getNodeValue().strip());
            }
        }
    }

    /** Whether a text has letters outside its expressions and the names every language shares. */
    private static boolean words(String text) {
        String outside = NAMES.matcher(EXPRESSION.matcher(text).replaceAll(" ")).replaceAll(" ");
        return outside.codePoints().anyMatch(Character::isLetter);
    }
}
