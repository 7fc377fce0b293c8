package org.exportaudit.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.exportaudit.notification.boundary.NoticeNotFound;

/** 404: no such notice, or another admin's. */
@Provider
public class NoticeMissing implements ExceptionMapper<NoticeNotFound> {

    @Override
    public Response toResponse(NoticeNotFound missing) {
        return ApiError.response(Response.Status.NOT_FOUND, "not-found", missing.getMessage()).build();
    }
}
