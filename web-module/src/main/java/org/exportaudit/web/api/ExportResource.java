package org.exportaudit.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.client.ExportRequest;
import org.exportaudit.client.ExportView;
import org.exportaudit.export.boundary.Exports;

/** Starting, following and cancelling exports. */
@Path("exports")
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    @Inject
    Exports exports;

    @Context
    UriInfo uri;

    /** {@code {source, format, fileName?, filters?}}: 202 with the export, which runs on. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(JsonObject body) {
        ExportView started = exports.start(new ExportRequest(
                text(body, "source"), text(body, "format"), text(body, "fileName"), filters(body)));
        return Response.accepted(ExportJson.of(started))
                .location(uri.getBaseUriBuilder().path("exports").path(Long.toString(started.id())).build())
                .build();
    }

    @GET
    @Path("{id}")
    public JsonObject export(@PathParam("id") long id) {
        return ExportJson.of(exports.find(id));
    }

    @POST
    @Path("{id}/cancel")
    public JsonObject cancel(@PathParam("id") long id) {
        return ExportJson.of(exports.cancel(id));
    }

    private static String text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new ExportRefused("malformed-request", "'" + name + "' must be a string.");
        }
        return ((JsonString) value).getString();
    }

    private static Map<String, String> filters(JsonObject body) {
        JsonValue value = body.get("filters");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Map.of();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ExportRefused("malformed-request", "'filters' must be an object of column names to values.");
        }
        Map<String, String> filters = new LinkedHashMap<>();
        value.asJsonObject().forEach((column, filterValue) -> {
            if (filterValue.getValueType() != JsonValue.ValueType.STRING) {
                throw new ExportRefused("malformed-request", "The filter on '" + column + "' must be a string.");
            }
            filters.put(column, ((JsonString) filterValue).getString());
        });
        return filters;
    }
}
