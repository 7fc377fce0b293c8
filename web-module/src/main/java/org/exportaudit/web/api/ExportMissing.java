package org.exportaudit.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.exportaudit.client.ExportNotFound;

/** 404: no such export, or not the caller's to see — the same answer for both. */
@Provider
public class ExportMissing implements ExceptionMapper<ExportNotFound> {

    @Override
    public Response toResponse(ExportNotFound refused) {
        return ApiError.response(Response.Status.NOT_FOUND, "not-found", refused.getMessage()).build();
    }
}
