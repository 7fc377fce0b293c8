package org.exportaudit.web.api;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.exportaudit.notification.boundary.Notices;
import org.exportaudit.notification.view.NoticeView;

/** A super admin's in-app notices: {@code {unread, items}}, newest first; one can be marked read. */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    @Inject
    Notices notices;

    @GET
    public JsonObject notices() {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        notices.ofCaller(50).forEach(notice -> items.add(json(notice)));
        return JSON.createObjectBuilder().add("unread", notices.unread()).add("items", items).build();
    }

    @POST
    @Path("{id}/read")
    public JsonObject read(@PathParam("id") long id) {
        return json(notices.read(id));
    }

    /** {@code mail}: null when the admin has no address, else {@code {status, attempts}}; FAILED is final. */
    private static JsonObject json(NoticeView notice) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", notice.id())
                .add("exportId", notice.exportId())
                .add("user", notice.exportedBy())
                .add("source", notice.source())
                .add("name", notice.fileName())
                .add("records", notice.records())
                .add("threshold", notice.threshold() == null ? JsonValue.NULL : JSON.createValue(notice.threshold()))
                .add("approval", notice.approval()) // the export waited for this admin's approval
                .add("exportStatus", notice.exportStatus())
                .add("policy", notice.policy() == null ? JsonValue.NULL : JSON.createValue(notice.policy()))
                .add("decidedBy", notice.decidedBy() == null ? JsonValue.NULL : JSON.createValue(notice.decidedBy()))
                .add("at", notice.at().toString())
                .add("read", notice.read());
        if (notice.mail() == null) {
            json.addNull("mail");
        } else {
            json.add("mail", JSON.createObjectBuilder().add("status", notice.mail()).add("attempts", notice.mailAttempts()));
        }
        return json.build();
    }
}
