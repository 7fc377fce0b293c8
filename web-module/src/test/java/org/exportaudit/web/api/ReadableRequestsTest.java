package org.exportaudit.web.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which paths and headers reach Jakarta REST as they came, and which it would fail on before any resource runs. */
class ReadableRequestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/export-audit/api/v1/exports/42", "/export-audit/api/v1/exports/%20", "/a/%C3%A5%E2%80%AE"})
    void paths_that_spell_utf_8_pass(String path) {
        assertTrue(ReadableRequests.path(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/export-audit/api/v1/exports/%ED%A0%80", "/api/v1/exports/%C0%80", "/api/v1/exports/%FF%FE",
        "/api/v1/exports/%E0%A4", "/api/v1/exports/%", "/api/v1/exports/%zz"})
    void paths_whose_escapes_are_no_utf_8_are_refused(String path) {
        assertFalse(ReadableRequests.path(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sv", "sv-SE,sv;q=0.9,en;q=0.8", "*", "en-US;q=0", "de;q=1.0, sv;q=0.001"})
    void languages_as_browsers_send_them_pass(String header) {
        assertTrue(ReadableRequests.languages(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sv;q=2", "sv;q=x", "sv;q=-1", "sv;q=", ";;;", "sv;level=1"})
    void languages_that_do_not_parse_are_hidden(String header) {
        assertFalse(ReadableRequests.languages(header), header);
        assertTrue(CallerLanguage.of(null, header).getLanguage().equals("en"), "English for " + header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "*/*", "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2",
        "application/json;q=0.9,text/csv;q=1", "text/csv; charset=\"utf-8\"; q=0.5", "application/json,,"})
    void accept_headers_as_clients_send_them_pass(String header) {
        assertTrue(ReadableRequests.accept(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"///", "text/html;q=x", "application/json;q=2", "application/json;q", "json", "a/b c",
        "text/csv; charset=\""})
    void accept_headers_that_do_not_parse_are_refused(String header) {
        assertFalse(ReadableRequests.accept(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8", "application/json;charset=\"utf-8\"",
        "text/plain"})
    void content_types_as_clients_send_them_pass(String header) {
        assertTrue(ReadableRequests.contentType(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"///", "application/json; charset=\"", "application/json; charset=no-such-charset",
        "application/json; charset=ü", "application/json;;"})
    void content_types_that_do_not_parse_are_refused(String header) {
        assertFalse(ReadableRequests.contentType(header), header);
    }
}
