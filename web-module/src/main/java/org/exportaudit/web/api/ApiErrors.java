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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.exportaudit.client.AuditQueryRefused;
import org.exportaudit.client.ExportBlocked;
import org.exportaudit.client.ExportFileGone;
import org.exportaudit.client.ExportNotFound;
import org.exportaudit.client.ExportNotAwaitingApproval;
import org.exportaudit.client.ExportNotInProgress;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.client.ExportStillRunning;
import org.exportaudit.client.NotTheRequester;
import org.exportaudit.client.OwnExportApproval;
import org.exportaudit.client.PolicyNotFound;
import org.exportaudit.client.PolicyRefused;
import org.exportaudit.client.StepUpRequired;
import org.exportaudit.dashboard.entity.DashboardRefused;
import org.exportaudit.notification.boundary.NoticeNotFound;
import org.exportaudit.notification.entity.InvalidThreshold;

/**
 * The API's whole error contract in one place: which exception answers with which status, and
 * the {@code {"error": "...", "message": "..."}} body it carries ({@link ApiError}). A 401 comes
 * from {@link SignedInOnly}, before any resource runs.
 */
@Provider
public class ApiErrors implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

    @Override
    public Response toResponse(RuntimeException thrown) {
        // 400: the request cannot be run as asked; nothing was created or changed
        if (thrown instanceof ExportRefused refused) {
            return error(BAD_REQUEST, refused.reason(), refused.getMessage());
        }
        if (thrown instanceof InvalidThreshold invalid) { // outside 1..275,000
            return error(BAD_REQUEST, "invalid-threshold", invalid.getMessage());
        }
        if (thrown instanceof AuditQueryRefused refused) { // an unknown kind, a bad date, cursor or limit
            return error(BAD_REQUEST, refused.reason(), refused.getMessage());
        }
        if (thrown instanceof PolicyRefused refused) { // a limit or window out of range, an unknown source, a duplicate
            return error(BAD_REQUEST, refused.reason(), refused.getMessage());
        }
        if (thrown instanceof DashboardRefused refused) { // days out of 1..366, or not a number
            return error(BAD_REQUEST, refused.reason(), refused.getMessage());
        }
        if (thrown instanceof JsonException malformed) { // a body that is not the JSON a resource expects
            return error(BAD_REQUEST, "malformed-request", "The request body must be a JSON object: " + malformed.getMessage());
        }
        // 403: an EJB refused the caller for want of a role
        if (thrown instanceof EJBAccessException) {
            return error(FORBIDDEN, "forbidden", "Your account does not have the role this needs.");
        }
        // 403: a policy blocks the export; the refused attempt stays in the log
        if (thrown instanceof ExportBlocked blocked) {
            return ApiError.response(FORBIDDEN, "blocked-by-policy", blocked.getMessage())
                    .entity(JSON.createObjectBuilder().add("error", "blocked-by-policy").add("message", blocked.getMessage())
                            .add("policy", blocked.policy()).add("policyId", blocked.policyId())
                            .add("limit", blocked.limit()).add("exportId", blocked.exportId()).build())
                    .build();
        }
        // 403: four eyes, nobody decides on their own export
        if (thrown instanceof OwnExportApproval) {
            return error(FORBIDDEN, "own-export", thrown.getMessage());
        }
        if (thrown instanceof NotTheRequester) { // withdrawing someone else's request
            return error(FORBIDDEN, "not-requester", thrown.getMessage());
        }
        // 401: a step-up policy needs a password sign-in more recent than the token's (RFC 9470's challenge)
        if (thrown instanceof StepUpRequired stepUp) {
            long maxAge = stepUp.maxAge().toSeconds();
            return ApiError.response(UNAUTHORIZED, "step-up-required", stepUp.getMessage())
                    .entity(JSON.createObjectBuilder().add("error", "step-up-required").add("message", stepUp.getMessage())
                            .add("maxAge", maxAge).add("policyId", stepUp.policyId()).build())
                    .header("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\", error_description=\""
                            + "A more recent authentication is required\", max_age=" + maxAge)
                    .build();
        }
        // 404: no such export, notice or policy, or not the caller's to see: the same answer for both
        if (thrown instanceof ExportNotFound || thrown instanceof NoticeNotFound || thrown instanceof PolicyNotFound) {
            return error(NOT_FOUND, "not-found", thrown.getMessage());
        }
        // 409: the export has already ended (so it cannot be cancelled), or is still processing (no file yet)
        if (thrown instanceof ExportNotInProgress) {
            return error(CONFLICT, "not-in-progress", thrown.getMessage());
        }
        if (thrown instanceof ExportNotAwaitingApproval) {
            return error(CONFLICT, "not-awaiting-approval", thrown.getMessage());
        }
        if (thrown instanceof ExportStillRunning) {
            return error(CONFLICT, "still-processing", thrown.getMessage());
        }
        // 410: the export's file was purged, or there never was one (cancelled, failed, performed by a host)
        if (thrown instanceof ExportFileGone) {
            return error(GONE, "file-gone", thrown.getMessage());
        }
        // Jakarta REST's own answers (unknown path, method not allowed, unsupported media type): as it made them
        if (thrown instanceof WebApplicationException rejected) {
            return rejected.getResponse();
        }
        // Anything else is a fault of ours: logged in full here, and never shown to the caller
        LOG.log(Level.SEVERE, "The API failed", thrown);
        return error(INTERNAL_SERVER_ERROR, "internal-error", "Export Audit failed; the server's log says why.");
    }

    private static Response error(Response.Status status, String error, String message) {
        return ApiError.response(status, error, message).build();
    }
}
