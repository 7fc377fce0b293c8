package org.exportaudit.web.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.exportaudit.client.NoticeView;
import org.exportaudit.notification.boundary.Notices;

/** A super admin's in-app notices: {@code {unread, items}}, newest first; one can be marked read. */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    @Inject
    Notices notices;

    @GET
    public JsonObject notices() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        notices.ofCaller(50).forEach(notice -> items.add(json(notice)));
        return Json.createObjectBuilder().add("unread", notices.unread()).add("items", items).build();
    }

    @POST
    @Path("{id}/read")
    public JsonObject read(@PathParam("id") long id) {
        return json(notices.read(id));
    }

    private static JsonObject json(NoticeView notice) {
        return Json.createObjectBuilder()
                .add("id", notice.id())
                .add("exportId", notice.exportId())
                .add("user", notice.exportedBy())
                .add("source", notice.source())
                .add("name", notice.fileName())
                .add("records", notice.records())
                .add("threshold", notice.threshold())
                .add("at", notice.at().toString())
                .add("read", notice.read())
                .build();
    }
}
