package org.exportaudit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A bundle's English and Swedish files as the tests read them, and what every bundle of ours must
 * pass: the same keys in both languages, and texts that format.
 */
public final class BundlePair {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    private final String name;
    private final Properties english;
    private final Properties swedish;

    private BundlePair(String name, Properties english, Properties swedish) {
        this.name = name;
        this.english = english;
        this.swedish = swedish;
    }

    /** The bundle {@code name} ({@code name.properties}, {@code name_sv.properties}) in {@code beside}'s package. */
    public static BundlePair of(Class<?> beside, String name) {
        return new BundlePair(name, load(beside, name + ".properties"), load(beside, name + "_sv.properties"));
    }

    public Properties english() {
        return english;
    }

    public Properties swedish() {
        return swedish;
    }

    public void assertSameKeys() {
        Set<String> inEnglish = english.stringPropertyNames();
        Set<String> inSwedish = swedish.stringPropertyNames();
        assertEquals(Set.of(), missing(inEnglish, inSwedish), "keys missing in " + name + "_sv.properties");
        assertEquals(Set.of(), missing(inSwedish, inEnglish), "keys missing in " + name + ".properties");
    }

    /**
     * Every text that is a MessageFormat pattern formats, in its language, and has no lone quote
     * (which would swallow the rest of it). {@code allPatterns}: every text is one, else only those
     * with an argument (Faces writes the others as they are).
     */
    public void assertPatternsFormat(boolean allPatterns) {
        for (Map.Entry<Locale, Properties> language : Map.of(Locale.ENGLISH, english, SWEDISH, swedish).entrySet()) {
            Properties texts = language.getValue();
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (allPatterns || text.contains("{")) {
                    String where = key + " (" + language.getKey() + ")";
                    assertFalse(text.replace("''", "").contains("'"), where + " has a lone quote: " + text);
                    Object[] sample = {1, 2L, 3, 4};
                    String formatted = new MessageFormat(text, language.getKey()).format(sample);
                    assertFalse(formatted.contains("{"), where + " leaves a brace: " + formatted);
                }
            }
        }
    }

    /** What {@code used} names that {@code keys} lacks, sorted. */
    public static Set<String> missing(Collection<String> used, Set<String> keys) {
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(keys);
        return missing;
    }

    /** The first group of every match of {@code pattern} in the files below {@code root} whose names end so. */
    public static List<String> matches(Path root, String suffix, Pattern pattern) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
    }

    private static Properties load(Class<?> beside, String file) {
        Properties texts = new Properties();
        try (InputStream in = beside.getResourceAsStream(file)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
