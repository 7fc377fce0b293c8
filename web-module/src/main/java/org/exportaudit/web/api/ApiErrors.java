package org.exportaudit.web.api;

import static org.exportaudit.platform.Jsonp.JSON;

import static jakarta.ws.rs.core.Response.Status.BAD_REQUEST;
import static jakarta.ws.rs.core.Response.Status.CONFLICT;
import static jakarta.ws.rs.core.Response.Status.FORBIDDEN;
import static jakarta.ws.rs.core.Response.Status.GONE;
import static jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR;
import static jakarta.ws.rs.core.Response.Status.NOT_FOUND;
import static jakarta.ws.rs.core.Response.Status.UNAUTHORIZED;

import jakarta.ejb.EJBAccessException;
import jakarta.json.JsonException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.logging.Logger;
import org.exportaudit.client.ExportBlocked;
import org.exportaudit.client.Messages;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.StepUpRequired;
import org.exportaudit.platform.Incident;

/**
 * The API's whole error contract in one place: which exception answers with which status, and
 * the {@code {"error": "...", "message": "..."}} body it carries ({@link ApiError}), the message in
 * the caller's language ({@link CallerLanguage}). A {@link Refusal} answers by its kind
 * ({@link #status}) and its code; the mapper lists no refusal's class but those whose bodies carry
 * more. A 401 comes from {@link SignedInOnly}, before any
 * resource runs.
 */
@Provider
public class ApiErrors implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(RuntimeException thrown) {
        Locale language = CallerLanguage.of(request);
        // The refusals with data of their own: the policy that blocks the export, the sign-in the caller must renew
        if (thrown instanceof ExportBlocked blocked) { // 403: the refused attempt stays in the log
            return ApiError.response(FORBIDDEN, blocked.code(), blocked.message(language), language)
                    .entity(JSON.createObjectBuilder().add("error", blocked.code()).add("message", blocked.message(language))
                            .add("policy", blocked.policy()).add("policyId", blocked.policyId())
                            .add("limit", blocked.limit()).add("exportId", blocked.exportId()).build())
                    .build();
        }
        // 401: a step-up policy needs a password sign-in more recent than the token's (RFC 9470's challenge)
        if (thrown instanceof StepUpRequired stepUp) {
            long maxAge = stepUp.maxAge().toSeconds();
            return ApiError.response(UNAUTHORIZED, stepUp.code(), stepUp.message(language), language)
                    .entity(JSON.createObjectBuilder().add("error", stepUp.code()).add("message", stepUp.message(language))
                            .add("maxAge", maxAge).add("policyId", stepUp.policyId()).build())
                    .header("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\", error_description=\""
                            + "A more recent authentication is required\", max_age=" + maxAge)
                    .build();
        }
        // Every other refusal: its kind says the status, its code the error, its message why
        if (thrown instanceof Refusal refused) {
            return ApiError.response(status(refused.kind()), refused.code(), refused.message(language), language).build();
        }
        // 400: a body that is not the JSON a resource expects (the parser's text is not ours to show)
        if (thrown instanceof JsonException) {
            return error(BAD_REQUEST, "malformed-request", Messages.text(language, "api.malformed-request"), language);
        }
        // 403: an EJB refused the caller for want of a role
        if (thrown instanceof EJBAccessException) {
            return error(FORBIDDEN, "forbidden", Messages.text(language, "api.forbidden"), language);
        }
        // Jakarta REST's own refusals (no such path, a method not allowed, a media type it cannot read or write,
        // a body it cannot read): their status and headers (Allow, say), with the API's JSON body
        if (thrown instanceof WebApplicationException rejected && rejected.getResponse().getStatus() < 500) {
            return rejected(rejected.getResponse(), language);
        }
        // Anything else is a fault of ours: logged in full here under an incident id, which alone the caller reads
        String incident = Incident.logged(LOG, "the API failed on " + request.getMethod() + " " + request.getRequestURI(), thrown);
        return ApiError.response(INTERNAL_SERVER_ERROR, "internal-error", Messages.text(language, "api.internal-error", incident),
                language).entity(JSON.createObjectBuilder().add("error", "internal-error")
                        .add("message", Messages.text(language, "api.internal-error", incident)).add("incident", incident).build())
                .build();
    }

    /** Jakarta REST's refusal, said as every error of the API is: {@code {error, message}}. */
    private static Response rejected(Response made, Locale language) {
        String error = switch (made.getStatus()) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "malformed-request";
        };
        Response.ResponseBuilder answer = Response.status(made.getStatus()).type(MediaType.APPLICATION_JSON_TYPE).language(language)
                .entity(JSON.createObjectBuilder().add("error", error)
                        .add("message", Messages.text(language, "api.rejected", made.getStatus())).build());
        made.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    /**
     * The status that answers a kind of refusal. Not found is also the answer for what the caller may not
     * see (another user's export): the same answer for both, so that nobody learns what is not theirs.
     */
    static Response.Status status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> BAD_REQUEST; // the request cannot be run as asked; nothing was created or changed
            case UNAUTHENTICATED -> UNAUTHORIZED;
            case FORBIDDEN -> FORBIDDEN; // four eyes, someone else's request, a policy that blocks
            case NOT_FOUND -> NOT_FOUND;
            case CONFLICT -> CONFLICT; // the state does not allow it: ended, still processing, never ran, decided
            case GONE -> GONE; // a file purged, or one there never was (cancelled, failed, performed by a host)
        };
    }

    private static Response error(Response.Status status, String error, String message, Locale language) {
        return ApiError.response(status, error, message, language).build();
    }
}
