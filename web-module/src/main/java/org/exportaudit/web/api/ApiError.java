package org.exportaudit.web.api;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * Every error of the API has the same JSON shape: {@code {"error": "...", "message": "..."}}, the
 * message in the caller's language ({@link CallerLanguage}), which {@code Content-Language} names.
 */
final class ApiError {

    private ApiError() {
    }

    static Response.ResponseBuilder response(Response.Status status, String error, String message, Locale language) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .language(language)
                .entity(JSON.createObjectBuilder()
                        .add("error", error)
                        .add("message", message)
                        .build());
    }
}
