package org.exportaudit.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.exportaudit.client.ExportStillRunning;

/** 409: the export is still processing; its file comes once it completes. */
@Provider
public class FileNotReady implements ExceptionMapper<ExportStillRunning> {

    @Override
    public Response toResponse(ExportStillRunning running) {
        return ApiError.response(Response.Status.CONFLICT, "still-processing", running.getMessage()).build();
    }
}
