package org.exportaudit.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.exportaudit.client.ExportNotInProgress;

/** 409: the export has already ended, so it cannot be cancelled. */
@Provider
public class ExportEnded implements ExceptionMapper<ExportNotInProgress> {

    @Override
    public Response toResponse(ExportNotInProgress refused) {
        return ApiError.response(Response.Status.CONFLICT, "not-in-progress", refused.getMessage()).build();
    }
}
