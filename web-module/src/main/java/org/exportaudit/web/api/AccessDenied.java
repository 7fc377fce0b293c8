package org.exportaudit.web.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An EJB refused the caller for want of a role: the API answers 403, never 500. */
@Provider
public class AccessDenied implements ExceptionMapper<EJBAccessException> {

    @Override
    public Response toResponse(EJBAccessException refused) {
        return ApiError.response(Response.Status.FORBIDDEN, "forbidden",
                "Your account does not have the role this needs.").build();
    }
}
