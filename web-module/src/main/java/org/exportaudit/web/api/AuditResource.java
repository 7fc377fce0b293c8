package org.exportaudit.web.api;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.StringReader;
import org.exportaudit.audit.boundary.AuditChain;
import org.exportaudit.audit.boundary.AuditRecords;
import org.exportaudit.audit.view.AuditAnchor;
import org.exportaudit.audit.view.AuditPage;
import org.exportaudit.audit.view.AuditQuery;
import org.exportaudit.audit.view.AuditRecordView;
import org.exportaudit.audit.view.AuditVerdict;

/**
 * The audit trail (super admins): its records a page at a time, its verification, anchors published
 * on demand, and the filtered trail as a CSV download. The boundaries check the role; the POST is a
 * change, so BearerOnlyChanges keeps a browser's session cookie from making it.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditRecords records;

    @Inject
    AuditChain chain;

    /** {@code {items: [{seq, kind, user, exportId, detail, at, hash}], next}}, newest first. */
    @GET
    public JsonObject trail(@QueryParam("kind") String kind, @QueryParam("user") String user,
            @QueryParam("export") String export, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        AuditPage page = records.page(TrailFilters.query(kind, user, export, from, to, limit, cursor));
        return PageJson.of(page.items(), page.next(), AuditResource::json);
    }

    /** {@code {valid, checked, head: {seq, hash}, firstBad?: {seq, problem}, lastAnchor}}. */
    @GET
    @Path("verify")
    public JsonObject verify() {
        AuditVerdict verdict = chain.verify();
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("valid", verdict.valid())
                .add("checked", verdict.checked())
                .add("head", JSON.createObjectBuilder().add("seq", verdict.headSeq())
                        .add("hash", nullable(verdict.headHash())));
        if (!verdict.valid()) {
            json.add("firstBad", JSON.createObjectBuilder()
                    .add("seq", verdict.firstBadSeq() == null ? JsonValue.NULL : JSON.createValue(verdict.firstBadSeq()))
                    .add("problem", nullable(verdict.problem())));
        }
        return json.add("lastAnchor", verdict.lastAnchor() == null ? JsonValue.NULL : json(verdict.lastAnchor()))
                .build();
    }

    /** Publishes the chain's head now (the trail and the server log): 201 with {@code {seq, hash, at}}. */
    @POST
    @Path("anchors")
    public Response anchor() {
        return Response.status(Response.Status.CREATED).entity(json(chain.anchor())).build();
    }

    /**
     * The filtered trail as CSV, newest first, streamed a page at a time. The filters are checked
     * before the first byte, so a refusal is still a 400; the download itself is audited.
     */
    @GET
    @Path("csv")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response csv(@QueryParam("kind") String kind, @QueryParam("user") String user,
            @QueryParam("export") String export, @QueryParam("from") String from, @QueryParam("to") String to) {
        AuditQuery query = TrailFilters.query(kind, user, export, from, to, null, null);
        String fileName = records.csvFileName(query);
        StreamingOutput body = out -> records.csv(query, out);
        return CsvDownload.of(fileName, body);
    }

    private static JsonObject json(AuditRecordView record) {
        return JSON.createObjectBuilder()
                .add("seq", record.seq())
                .add("kind", record.kind())
                .add("user", record.user())
                .add("exportId", record.exportId() == null ? JsonValue.NULL : JSON.createValue(record.exportId()))
                .add("detail", object(record.detail()))
                .add("at", record.at().toString())
                .add("hash", record.hash())
                .build();
    }

    private static JsonObject json(AuditAnchor anchor) {
        return JSON.createObjectBuilder()
                .add("seq", anchor.seq())
                .add("hash", anchor.hash())
                .add("at", anchor.at().toString())
                .build();
    }

    /** The stored detail as the JSON object it is, not as a string that a client would parse again. */
    private static JsonObject object(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static JsonValue nullable(String text) {
        return text == null ? JsonValue.NULL : JSON.createValue(text);
    }
}
