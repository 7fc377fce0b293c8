package org.exportaudit.web.api;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.exportaudit.export.boundary.Exports;
import org.exportaudit.export.entity.Column;
import org.exportaudit.export.entity.Source;

/**
 * {@code GET /sources}: what can be exported, with the columns a filter may name. Keys and names are
 * as declared; the labels are in the caller's language ({@link CallerLanguage}), as the pages show
 * them, where the declaration gives one in it.
 */
@Path("sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    @Inject
    Exports exports;

    @GET
    public Response sources(@Context HttpServletRequest request) {
        Locale language = CallerLanguage.of(request);
        JsonArrayBuilder sources = JSON.createArrayBuilder();
        for (Source source : exports.sources()) {
            JsonArrayBuilder columns = JSON.createArrayBuilder();
            for (Column column : source.columns()) {
                columns.add(JSON.createObjectBuilder().add("name", column.name()).add("label", column.labelIn(language)));
            }
            sources.add(JSON.createObjectBuilder()
                    .add("key", source.key())
                    .add("label", source.labelIn(language))
                    .add("columns", columns));
        }
        return Response.ok(sources.build()).language(language).build();
    }
}
