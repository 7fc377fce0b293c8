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
import org.exportaudit.client.AuditQueryRefused;
import org.exportaudit.client.ExportBlocked;
import org.exportaudit.client.ExportFileGone;
import org.exportaudit.client.ExportHasNoFile;
import org.exportaudit.client.ExportNotFound;
import org.exportaudit.client.ExportNotAwaitingApproval;
import org.exportaudit.client.ExportNotInProgress;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.client.ExportStillRunning;
import org.exportaudit.client.Messages;
import org.exportaudit.client.NotTheRequester;
import org.exportaudit.client.OwnExportApproval;
import org.exportaudit.client.PolicyNotFound;
import org.exportaudit.client.PolicyRefused;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.StepUpRequired;
import org.exportaudit.dashboard.entity.DashboardRefused;
import org.exportaudit.notification.boundary.NoticeNotFound;
import org.exportaudit.notification.entity.InvalidThreshold;
import org.exportaudit.platform.Incident;

/**
 * The API's whole error contract in one place: which exception answers with which status, and
 * the {@code {"error": "...", "message": "..."}} body it carries ({@link ApiError}), the message in
 * the caller's language ({@link CallerLanguage}). A 401 comes from {@link SignedInOnly}, before any
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
        // 400: the request cannot be run as asked; nothing was created or changed
        if (thrown instanceof ExportRefused refused) {
            return error(BAD_REQUEST, refused.reason(), refused, language);
        }
        if (thrown instanceof InvalidThreshold invalid) { // outside 1..275,000
            return error(BAD_REQUEST, "invalid-threshold", invalid, language);
        }
        if (thrown instanceof AuditQueryRefused refused) { // an unknown kind, a bad date, cursor or limit
            return error(BAD_REQUEST, refused.reason(), refused, language);
        }
        if (thrown instanceof PolicyRefused refused) { // a limit or window out of range, an unknown source, a duplicate
            return error(BAD_REQUEST, refused.reason(), refused, language);
        }
        if (thrown instanceof DashboardRefused refused) { // days out of 1..366, or not a number
            return error(BAD_REQUEST, refused.reason(), refused, language);
        }
        if (thrown instanceof JsonException) { // a body that is not the JSON a resource expects (the parser's text is not ours to show)
            return error(BAD_REQUEST, "malformed-request", Messages.text(language, "api.malformed-request"), language);
        }
        // 403: an EJB refused the caller for want of a role
        if (thrown instanceof EJBAccessException) {
            return error(FORBIDDEN, "forbidden", Messages.text(language, "api.forbidden"), language);
        }
        // 403: a policy blocks the export; the refused attempt stays in the log
        if (thrown instanceof ExportBlocked blocked) {
            return ApiError.response(FORBIDDEN, "blocked-by-policy", blocked.message(language), language)
                    .entity(JSON.createObjectBuilder().add("error", "blocked-by-policy").add("message", blocked.message(language))
                            .add("policy", blocked.policy()).add("policyId", blocked.policyId())
                            .add("limit", blocked.limit()).add("exportId", blocked.exportId()).build())
                    .build();
        }
        // 403: four eyes, nobody decides on their own export
        if (thrown instanceof OwnExportApproval own) {
            return error(FORBIDDEN, "own-export", own, language);
        }
        if (thrown instanceof NotTheRequester notRequester) { // withdrawing someone else's request
            return error(FORBIDDEN, "not-requester", notRequester, language);
        }
        // 401: a step-up policy needs a password sign-in more recent than the token's (RFC 9470's challenge)
        if (thrown instanceof StepUpRequired stepUp) {
            long maxAge = stepUp.maxAge().toSeconds();
            return ApiError.response(UNAUTHORIZED, "step-up-required", stepUp.message(language), language)
                    .entity(JSON.createObjectBuilder().add("error", "step-up-required").add("message", stepUp.message(language))
                            .add("maxAge", maxAge).add("policyId", stepUp.policyId()).build())
                    .header("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\", error_description=\""
                            + "A more recent authentication is required\", max_age=" + maxAge)
                    .build();
        }
        // 404: no such export, notice or policy, or not the caller's to see: the same answer for both
        if (thrown instanceof ExportNotFound || thrown instanceof NoticeNotFound || thrown instanceof PolicyNotFound) {
            return error(NOT_FOUND, "not-found", (Refusal) thrown, language);
        }
        // 409: the export has already ended (so it cannot be cancelled), is still processing (no file yet), or never ran
        if (thrown instanceof ExportNotInProgress ended) {
            return error(CONFLICT, "not-in-progress", ended, language);
        }
        if (thrown instanceof ExportNotAwaitingApproval notAwaiting) {
            return error(CONFLICT, "not-awaiting-approval", notAwaiting, language);
        }
        if (thrown instanceof ExportStillRunning running) {
            return error(CONFLICT, "still-processing", running, language);
        }
        if (thrown instanceof ExportHasNoFile never) { // awaiting approval, denied, blocked, expired, withdrawn
            return error(CONFLICT, "no-file", never, language);
        }
        // 410: the export's file was purged, or there never was one (cancelled, failed, performed by a host)
        if (thrown instanceof ExportFileGone gone) {
            return error(GONE, "file-gone", gone, language);
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

    /** A refusal's answer: its text in the caller's language. */
    private static Response error(Response.Status status, String error, Refusal refusal, Locale language) {
        return error(status, error, refusal.message(language), language);
    }

    private static Response error(Response.Status status, String error, String message, Locale language) {
        return ApiError.response(status, error, message, language).build();
    }
}
