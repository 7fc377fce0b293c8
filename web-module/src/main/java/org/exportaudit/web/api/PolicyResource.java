package org.exportaudit.web.api;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.exportaudit.client.Refusal;
import org.exportaudit.policy.boundary.ExportPolicies;
import org.exportaudit.policy.view.PolicyRequest;
import org.exportaudit.policy.view.PolicyView;

/**
 * The export policies (super admins): {@code {source?, appliesTo?, action, limit, window?, measure?,
 * message?}} in, the policy with its id and description out.
 */
@Path("policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @Inject
    ExportPolicies policies;

    @Context
    UriInfo uri;

    @GET
    public JsonArray all() {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        policies.all().forEach(policy -> all.add(json(policy)));
        return all.build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body) {
        PolicyView created = policies.create(request(body));
        return Response.created(uri.getBaseUriBuilder().path("policies").path(Long.toString(created.id())).build())
                .entity(json(created)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject change(@PathParam("id") long id, JsonObject body) {
        return json(policies.change(id, request(body)));
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id) {
        policies.remove(id);
        return Response.noContent().build();
    }

    private static PolicyRequest request(JsonObject body) {
        if (body == null) {
            throw Refusal.invalid("missing-policy", "policy.not-an-object");
        }
        return new PolicyRequest(text(body, "source"), text(body, "appliesTo"), text(body, "action"),
                limit(body), text(body, "window"), text(body, "measure"), text(body, "message"));
    }

    /** A whole number; "1e3", 1.5, a string or a number beyond a long are refused with the limit's message. */
    private static Long limit(JsonObject body) {
        JsonValue value = body.get("limit");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.bigIntegerValueExact().longValueExact();
            } catch (ArithmeticException tooLarge) {
                // refused below
            }
        }
        throw Refusal.invalid("invalid-limit", "policy.limit.not-a-number", String.valueOf(value));
    }

    private static String text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw Refusal.invalid("malformed-request", "request.not-a-string", name);
        }
        return string.getString();
    }

    private static JsonObject json(PolicyView policy) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", policy.id())
                .add("action", policy.action().key())
                .add("limit", policy.limit())
                .add("measure", policy.measure().key())
                .add("description", policy.description())
                .add("createdBy", policy.createdBy())
                .add("createdAt", policy.createdAt().toString());
        nullable(json, "source", policy.source());
        nullable(json, "appliesTo", policy.appliesTo());
        nullable(json, "window", policy.window());
        nullable(json, "message", policy.message());
        return json.build();
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        json.add(name, value == null ? JsonValue.NULL : JSON.createValue(value));
    }
}
