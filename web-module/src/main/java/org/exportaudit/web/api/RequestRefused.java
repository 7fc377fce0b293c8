package org.exportaudit.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.exportaudit.client.ExportRefused;

/** 400: the request cannot be run as asked; nothing was created. */
@Provider
public class RequestRefused implements ExceptionMapper<ExportRefused> {

    @Override
    public Response toResponse(ExportRefused refused) {
        return ApiError.response(Response.Status.BAD_REQUEST, refused.reason(), refused.getMessage()).build();
    }
}
