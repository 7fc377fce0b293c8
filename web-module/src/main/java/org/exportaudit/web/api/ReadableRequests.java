package org.exportaudit.web.api;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exportaudit.client.Messages;

/**
 * Requests that Jakarta REST would fail on before any resource runs, settled in front of it: a path
 * whose percent-encoding is no UTF-8 ({@code /exports/%C0%80}) is answered by RESTEasy with a 400 in
 * HTML, and so are headers:
 * RESTEasy answers an {@code Accept-Language} with a weight out of range ({@code sv;q=2}) or an
 * {@code Accept} that is no media type with a 400 in HTML, and a weight that is no number or an
 * unknown charset with a 500. An {@code Accept-Language} that does not parse asks for no language,
 * so it is hidden and the caller reads English, on the pages too; an {@code Accept} or a
 * {@code Content-Type} of the API that does not parse is the API's own JSON 400
 * ({@code malformed-request}), as every error of the API is.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ReadableRequests extends HttpFilter {

    private static final String ACCEPT_LANGUAGE = "Accept-Language";

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern PARAMETER = Pattern.compile(
            "\\s*;\\s*(" + TOKEN + ")\\s*=\\s*(" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\")");
    private static final Pattern TYPE = Pattern.compile("\\s*(" + TOKEN + "/" + TOKEN + "|\\*)");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest read = languages(request.getHeader(ACCEPT_LANGUAGE)) ? request : new WithoutLanguages(request);
        if (read.getRequestURI().startsWith(read.getContextPath() + "/api/")) {
            if (!path(read.getRequestURI())) {
                refuse(read, response, "api.malformed-path", read.getRequestURI());
                return;
            }
            if (!accept(read.getHeader("Accept"))) {
                refuse(read, response, "api.malformed-header", "Accept");
                return;
            }
            if (!contentType(read.getHeader("Content-Type"))) {
                refuse(read, response, "api.malformed-header", "Content-Type");
                return;
            }
        }
        chain.doFilter(read, response);
    }

    /** Whether a request's path, as sent, decodes: its percent-escapes spell UTF-8. */
    static boolean path(String rawPath) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length() || Character.digit(rawPath.charAt(i + 1), 16) < 0
                        || Character.digit(rawPath.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.write(Character.digit(rawPath.charAt(i + 1), 16) * 16 + Character.digit(rawPath.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return false;
        }
    }

    /** Whether an Accept-Language header, if any, lists languages as Java (and so CallerLanguage) reads them. */
    static boolean languages(String header) {
        if (header == null || header.isBlank()) {
            return true;
        }
        try {
            Locale.LanguageRange.parse(header);
            return true;
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
    }

    /** Whether an Accept header, if any, is a list of media ranges with weights from 0 to 1. */
    static boolean accept(String header) {
        if (header == null || header.isBlank()) {
            return true;
        }
        for (String range : header.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) { // commas outside quotes
            if (!range.isBlank() && !mediaType(range, true)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a Content-Type header, if any, is one media type, its charset one Java knows. */
    static boolean contentType(String header) {
        return header == null || header.isBlank() || mediaType(header, false);
    }

    private static boolean mediaType(String text, boolean weighted) {
        Matcher type = TYPE.matcher(text);
        if (!type.lookingAt()) {
            return false;
        }
        int at = type.end();
        Matcher parameter = PARAMETER.matcher(text);
        while (at < text.length() && !text.substring(at).isBlank()) {
            if (!parameter.find(at) || parameter.start() != at) {
                return false;
            }
            String name = parameter.group(1);
            String value = parameter.group(2).startsWith("\"") ? parameter.group(2).substring(1, parameter.group(2).length() - 1)
                    : parameter.group(2);
            if (weighted && name.equalsIgnoreCase("q") && !weight(value)) {
                return false;
            }
            if (!weighted && name.equalsIgnoreCase("charset") && !charset(value)) {
                return false;
            }
            at = parameter.end();
        }
        return true;
    }

    private static boolean weight(String value) {
        try {
            float weight = Float.parseFloat(value);
            return weight >= 0 && weight <= 1;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private static boolean charset(String value) {
        try {
            return Charset.isSupported(value);
        } catch (IllegalCharsetNameException illegal) {
            return false;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String key, String what)
            throws IOException {
        Locale language = CallerLanguage.of(request);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Language", language.toLanguageTag());
        response.getWriter().write(JSON.createObjectBuilder()
                .add("error", "malformed-request")
                .add("message", Messages.text(language, key, what))
                .build().toString());
    }

    /** The request without its Accept-Language: it asks for the default language, English. */
    private static final class WithoutLanguages extends HttpServletRequestWrapper {

        WithoutLanguages(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return ACCEPT_LANGUAGE.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return ACCEPT_LANGUAGE.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !ACCEPT_LANGUAGE.equalsIgnoreCase(name)).toList());
        }

        @Override
        public Locale getLocale() {
            return Locale.ENGLISH;
        }

        @Override
        public Enumeration<Locale> getLocales() {
            return Collections.enumeration(java.util.List.of(Locale.ENGLISH));
        }
    }
}
