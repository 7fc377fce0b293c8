package org.exportaudit.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.exportaudit.notification.entity.InvalidThreshold;

/** A threshold outside 1..275,000: 400 with the rule, and nothing saved. */
@Provider
public class ThresholdRefused implements ExceptionMapper<InvalidThreshold> {

    @Override
    public Response toResponse(InvalidThreshold invalid) {
        return ApiError.response(Response.Status.BAD_REQUEST, "invalid-threshold",
                invalid.getMessage()).build();
    }
}
