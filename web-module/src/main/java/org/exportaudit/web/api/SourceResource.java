package org.exportaudit.web.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.exportaudit.export.boundary.Exports;
import org.exportaudit.export.entity.Column;
import org.exportaudit.export.entity.Source;

/** {@code GET /sources}: what can be exported, with the columns a filter may name. */
@Path("sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    @Inject
    Exports exports;

    @GET
    public JsonArray sources() {
        JsonArrayBuilder sources = Json.createArrayBuilder();
        for (Source source : exports.sources()) {
            JsonArrayBuilder columns = Json.createArrayBuilder();
            for (Column column : source.columns()) {
                columns.add(Json.createObjectBuilder().add("name", column.name()).add("label", column.label()));
            }
            sources.add(Json.createObjectBuilder()
                    .add("key", source.key())
                    .add("label", source.label())
                    .add("columns", columns));
        }
        return sources.build();
    }
}
