package org.exportaudit.web.api;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Every error of the API has the same JSON shape: {@code {"error": "...", "message": "..."}}. */
final class ApiError {

    private ApiError() {
    }

    static Response.ResponseBuilder response(Response.Status status, String error, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JSON.createObjectBuilder()
                        .add("error", error)
                        .add("message", message)
                        .build());
    }
}
