package org.exportaudit.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.exportaudit.identity.boundary.Callers;
import org.exportaudit.identity.entity.Caller;

/** {@code GET /me}: who the token belongs to and which of the application's roles they hold. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {

    @Inject
    Callers callers;

    @GET
    public Caller me() {
        return callers.current();
    }
}
