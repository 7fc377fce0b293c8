package org.exportaudit.web.api;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.exportaudit.siem.boundary.AuditReceivers;
import org.exportaudit.siem.view.ReceiverView;

/**
 * The SIEM receivers' delivery state (super admins):
 * {@code {receivers: [{name, kind, deliveredSeq, behind, failing, failingSince, attempts, lastError,
 * nextAttemptAt}]}}, the times null while a receiver takes every record. A resource of its own, apart
 * from the trail's: {@code audit/receivers} has more literal characters than {@code audit}, so JAX-RS
 * routes here whatever sub-resources the trail's resource declares.
 */
@Path("audit/receivers")
@Produces(MediaType.APPLICATION_JSON)
public class ReceiverResource {

    @Inject
    AuditReceivers receivers;

    @GET
    public JsonObject all() {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        receivers.all().forEach(receiver -> all.add(json(receiver)));
        return JSON.createObjectBuilder().add("receivers", all).build();
    }

    private static JsonObject json(ReceiverView receiver) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("name", receiver.name())
                .add("kind", receiver.kind())
                .add("deliveredSeq", receiver.deliveredSeq())
                .add("behind", receiver.behind())
                .add("failing", receiver.isFailing())
                .add("attempts", receiver.attempts());
        time(json, "failingSince", receiver.failingSince());
        if (receiver.lastError() == null) {
            json.addNull("lastError");
        } else {
            json.add("lastError", receiver.lastError());
        }
        time(json, "nextAttemptAt", receiver.nextAttemptAt());
        return json.build();
    }

    private static void time(JsonObjectBuilder json, String name, Instant at) {
        if (at == null) {
            json.addNull(name);
        } else {
            json.add(name, at.toString());
        }
    }
}
