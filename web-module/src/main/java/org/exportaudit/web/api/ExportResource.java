package org.exportaudit.web.api;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.exportaudit.audit.boundary.Downloads;
import org.exportaudit.audit.boundary.DownloadableFile;
import org.exportaudit.audit.view.DownloadView;
import org.exportaudit.client.ExportLogPage;
import org.exportaudit.client.ExportLogQuery;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.client.ExportRequest;
import org.exportaudit.client.ExportView;
import org.exportaudit.export.boundary.ExportLogDownloads;
import org.exportaudit.export.boundary.Exports;

/** Starting, following, listing, cancelling and downloading exports. */
@Path("exports")
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    @Inject
    Exports exports;

    @Inject
    Downloads downloads;

    @Inject
    ExportLogDownloads logFiles;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @Inject
    TrustedProxies trustedProxies;

    /** {@code {source, format, fileName?, filters?}}: 202 with the export, which runs on. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(JsonObject body) {
        ExportView started = exports.start(new ExportRequest(
                text(body, "source"), text(body, "format"), text(body, "fileName"), filters(body)));
        return Response.accepted(ExportJson.of(started, language()))
                .location(uri.getBaseUriBuilder().path("exports").path(Long.toString(started.id())).build())
                .build();
    }

    /** The export log: {@code {items, next}}, newest first, filtered, a page at a time. */
    @GET
    public JsonObject log(@QueryParam("user") String user, @QueryParam("source") String source,
            @QueryParam("status") String status, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        ExportLogPage page = exports.log(LogFilters.query(user, source, status, from, to, limit, cursor));
        Locale language = language();
        return PageJson.of(page.items(), page.next(), export -> ExportJson.of(export, language));
    }

    /**
     * The filtered log as CSV, newest first, streamed a page at a time: the same filters and the
     * same rule as the log (super admins everyone's exports, exporters their own). The filters are
     * checked before the first byte, so a refusal is still a 400; the download itself is audited.
     */
    @GET
    @Path("csv")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response csv(@QueryParam("user") String user, @QueryParam("source") String source,
            @QueryParam("status") String status, @QueryParam("from") String from, @QueryParam("to") String to) {
        ExportLogQuery query = LogFilters.query(user, source, status, from, to, null, null);
        String fileName = logFiles.csvFileName(query);
        StreamingOutput body = out -> logFiles.csv(query, out);
        return CsvDownload.of(fileName, body);
    }

    /** The file as an attachment; the download is recorded with the client's address. */
    @GET
    @Path("{id}/file")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("id") long id, @Context HttpServletRequest request) {
        DownloadableFile file = downloads.download(id,
                trustedProxies.clientAddress().of(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For")),
                request.getHeader("User-Agent"));
        StreamingOutput body = out -> Files.copy(file.path(), out);
        return Response.ok(body, file.contentType())
                .header("Content-Disposition", AttachmentName.header(file.fileName()))
                .header("Content-Length", file.size())
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    /** Who downloaded the file, newest first: super admins only. */
    @GET
    @Path("{id}/downloads")
    public JsonArray downloads(@PathParam("id") long id) {
        JsonArrayBuilder history = JSON.createArrayBuilder();
        for (DownloadView download : downloads.history(id)) {
            history.add(JSON.createObjectBuilder()
                    .add("user", download.user())
                    .add("ip", download.ipAddress())
                    .add("userAgent", download.userAgent() == null ? JsonValue.NULL : JSON.createValue(download.userAgent()))
                    .add("at", download.at().toString()));
        }
        return history.build();
    }

    @GET
    @Path("{id}")
    public JsonObject export(@PathParam("id") long id) {
        return ExportJson.of(exports.find(id), language());
    }

    @POST
    @Path("{id}/cancel")
    public JsonObject cancel(@PathParam("id") long id) {
        return ExportJson.of(exports.cancel(id), language());
    }

    /** 200 with the export, now running; 409 unless it awaits approval; 403 for one's own. */
    @POST
    @Path("{id}/approve")
    public JsonObject approve(@PathParam("id") long id) {
        return ExportJson.of(exports.approve(id), language());
    }

    /** {@code {reason}}: 200 with the export, DENIED; the requester reads the reason. */
    @POST
    @Path("{id}/deny")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject deny(@PathParam("id") long id, JsonObject body) {
        return ExportJson.of(exports.deny(id, body == null ? null : text(body, "reason")), language());
    }

    /** Its requester takes the request back: 200 with the export, WITHDRAWN. */
    @POST
    @Path("{id}/withdraw")
    public JsonObject withdraw(@PathParam("id") long id) {
        return ExportJson.of(exports.withdraw(id), language());
    }

    /** The caller's language, for what the API says in words: an export's failure, an expiry. */
    private Locale language() {
        return CallerLanguage.of(request);
    }

    private static String text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new ExportRefused("malformed-request", "request.not-a-string", name);
        }
        return ((JsonString) value).getString();
    }

    private static Map<String, String> filters(JsonObject body) {
        JsonValue value = body.get("filters");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Map.of();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ExportRefused("malformed-request", "request.filters-not-an-object");
        }
        Map<String, String> filters = new LinkedHashMap<>();
        value.asJsonObject().forEach((column, filterValue) -> {
            if (filterValue.getValueType() != JsonValue.ValueType.STRING) {
                throw new ExportRefused("malformed-request", "request.filter-not-a-string", column);
            }
            filters.put(column, ((JsonString) filterValue).getString());
        });
        return filters;
    }
}
