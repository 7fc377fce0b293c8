package org.exportaudit.web.api;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not the JSON a resource expects: 400 with what was wrong, nothing changed. */
@Provider
public class MalformedRequest implements ExceptionMapper<JsonException> {

    @Override
    public Response toResponse(JsonException malformed) {
        return ApiError.response(Response.Status.BAD_REQUEST, "malformed-request",
                "The request body must be a JSON object: " + malformed.getMessage()).build();
    }
}
