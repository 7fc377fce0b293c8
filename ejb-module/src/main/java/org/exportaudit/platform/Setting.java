package org.exportaudit.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One setting of the server's configuration: its property, the value it has when nobody set it
 * ({@code null}: none), what it accepts, in words for the message that stops the deployment, and how
 * its text becomes a value. The kinds of setting are made here, each with its one rule.
 */
public record Setting<T>(String property, String byDefault, String accepts, Function<String, T> parse) {

    /** The value of {@code configured}, or of the default when it is not set or blank. */
    public T read(String configured) {
        String text = configured == null || configured.isBlank() ? byDefault : configured;
        try {
            return parse.apply(text == null ? null : text.strip());
        } catch (IllegalArgumentException | DateTimeParseException notAccepted) {
            throw new IllegalStateException(property + " must be " + accepts + ", not '" + configured + "'");
        }
    }

    /** Whole days, from 1 to a hundred years: fewer would purge files or audit records at once. */
    static Setting<Duration> days(String property, int byDefault) {
        return new Setting<>(property, String.valueOf(byDefault), "a whole number of days from 1 to 36500",
                text -> Duration.ofDays(within(Long.parseLong(text), 1, 36_500)));
    }

    static Setting<Duration> seconds(String property, int byDefault, int least, int most) {
        return new Setting<>(property, String.valueOf(byDefault),
                "a whole number of seconds from " + least + " to " + most,
                text -> Duration.ofSeconds(within(Long.parseLong(text), least, most)));
    }

    /** An ISO-8601 duration ({@code PT5M}, {@code PT72H}) from {@code least} to {@code most}. */
    static Setting<Duration> duration(String property, Duration byDefault, Duration least, Duration most) {
        return new Setting<>(property, byDefault.toString(), "an ISO-8601 duration from " + least + " to " + most,
                text -> {
                    Duration value = Duration.parse(text);
                    if (value.compareTo(least) < 0 || value.compareTo(most) > 0) {
                        throw new IllegalArgumentException("out of bounds");
                    }
                    return value;
                });
    }

    /** How often a timer of this node ticks: an ISO-8601 duration from a tenth of a second to an hour. */
    static Setting<Duration> period(String property, Duration byDefault) {
        return duration(property, byDefault, Duration.ofMillis(100), Duration.ofHours(1));
    }

    /** An ISO-8601 duration of no time or more, with no upper bound. */
    static Setting<Duration> wait(String property, Duration byDefault) {
        return new Setting<>(property, byDefault.toString(), "an ISO-8601 duration of PT0S or more", text -> {
            Duration value = Duration.parse(text);
            if (value.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return value;
        });
    }

    static Setting<Integer> number(String property, int byDefault, int least) {
        return new Setting<>(property, String.valueOf(byDefault), "a whole number from " + least,
                text -> (int) within(Integer.parseInt(text), least, Integer.MAX_VALUE));
    }

    /** Off unless {@code true}, as {@link Boolean#getBoolean} reads it; a value that is neither is a mistake. */
    static Setting<Boolean> flag(String property) {
        return new Setting<>(property, "false", "true or false", text -> {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("not a flag");
            }
            return text.equalsIgnoreCase("true");
        });
    }

    /** An absolute http:// or https:// URL. */
    static Setting<URI> url(String property, String byDefault) {
        return new Setting<>(property, byDefault, "an http:// or https:// URL", text -> {
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                    throw new IllegalArgumentException("not http(s)");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(e);
            }
        });
    }

    /** A file or folder, none by default. */
    static Setting<Optional<Path>> path(String property, String accepts) {
        return new Setting<>(property, null, accepts, text -> {
            try {
                return Optional.ofNullable(text).map(Path::of);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(e);
            }
        });
    }

    /**
     * Comma-separated entries, none by default. Only the component that uses them knows what an entry
     * must be (a URL, an address range): it says so when it reads them, at start.
     */
    static Setting<List<String>> list(String property, String accepts) {
        return new Setting<>(property, null, accepts, text -> text == null ? List.of()
                : List.of(text.split(",")).stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList());
    }

    private static long within(long value, long least, long most) {
        if (value < least || value > most) {
            throw new IllegalArgumentException("out of bounds");
        }
        return value;
    }
}
