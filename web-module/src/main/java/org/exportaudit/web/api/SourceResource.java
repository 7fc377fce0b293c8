package org.exportaudit.web.api;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.inject.Inject;
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
        JsonArrayBuilder sources = JSON.createArrayBuilder();
        for (Source source : exports.sources()) {
            JsonArrayBuilder columns = JSON.createArrayBuilder();
            for (Column column : source.columns()) {
                columns.add(JSON.createObjectBuilder().add("name", column.name()).add("label", column.label()));
            }
            sources.add(JSON.createObjectBuilder()
                    .add("key", source.key())
                    .add("label", source.label())
                    .add("columns", columns));
        }
        return sources.build();
    }
}
