package org.exportaudit.web.api;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.OptionalInt;
import org.exportaudit.notification.boundary.LargeExportThresholds;
import org.exportaudit.web.identity.AccountToken;

/**
 * A super admin's own large-export notification threshold: {@code {"threshold": 5000}}, or
 * {@code {"threshold": null}} when their notifications are off.
 */
@Path("settings/large-export-threshold")
@Produces(MediaType.APPLICATION_JSON)
public class ThresholdResource {

    private static final String THRESHOLD = "threshold";

    @Inject
    LargeExportThresholds thresholds;

    @GET
    public JsonObject threshold() {
        return body(thresholds.ofCaller());
    }

    /** Takes a number, a string as typed in the settings page, or null / "" to turn it off. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject change(JsonObject request, @Context HttpServletRequest http) {
        return body(thresholds.change(typed(request.get(THRESHOLD)), AccountToken.email(http)));
    }

    private static String typed(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            return ((JsonString) value).getString();
        }
        // Numbers and anything else go through the same check as typed text: "1.5", "1e3" and
        // "true" are refused there with the same message.
        return value.toString();
    }

    private static JsonObject body(OptionalInt records) {
        JsonObjectBuilder body = JSON.createObjectBuilder();
        if (records.isPresent()) {
            body.add(THRESHOLD, records.getAsInt());
        } else {
            body.addNull(THRESHOLD);
        }
        return body.build();
    }
}
