package org.exportaudit.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.exportaudit.client.ExportFileGone;

/** 410: the export's file was purged, or there never was one (cancelled, failed). */
@Provider
public class FileGone implements ExceptionMapper<ExportFileGone> {

    @Override
    public Response toResponse(ExportFileGone gone) {
        return ApiError.response(Response.Status.GONE, "file-gone", gone.getMessage()).build();
    }
}
