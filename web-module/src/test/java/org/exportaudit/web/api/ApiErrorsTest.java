package org.exportaudit.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.exportaudit.client.ApprovalExpired;
import org.exportaudit.client.ExportBlocked;
import org.exportaudit.client.ExportNotAwaitingApproval;
import org.exportaudit.client.ExportNotFound;
import org.exportaudit.client.ExportNotInProgress;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.client.NotTheRequester;
import org.exportaudit.client.PolicyAction;
import org.exportaudit.client.PolicyMeasure;
import org.exportaudit.client.PolicyTerms;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.StepUpRequired;
import org.exportaudit.dashboard.entity.DashboardWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The API's statuses and error codes for the refusals, as scripts have always read them: the mapper reads a
 * refusal's kind and code, so these are the refusals as the business components make them (the entities' own,
 * which this module cannot load woven, as they make them; their tests check they do). The bodies, the headers
 * and the languages are the integration tests': building a response needs the server's Jakarta REST.
 */
class ApiErrorsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:10:00Z");

    @Test
    void each_kind_answers_one_status() {
        assertEquals(Response.Status.BAD_REQUEST, ApiErrors.status(Refusal.Kind.INVALID));
        assertEquals(Response.Status.UNAUTHORIZED, ApiErrors.status(Refusal.Kind.UNAUTHENTICATED));
        assertEquals(Response.Status.FORBIDDEN, ApiErrors.status(Refusal.Kind.FORBIDDEN));
        assertEquals(Response.Status.NOT_FOUND, ApiErrors.status(Refusal.Kind.NOT_FOUND));
        assertEquals(Response.Status.CONFLICT, ApiErrors.status(Refusal.Kind.CONFLICT));
        assertEquals(Response.Status.GONE, ApiErrors.status(Refusal.Kind.GONE));
    }

    @Test
    void input_that_cannot_be_run_as_asked_answers_400_with_its_reason() {
        assertAnswer(400, "invalid-file-name", new ExportRefused("invalid-file-name", "invalid-file-name.unsafe", "x"));
        assertAnswer(400, "invalid-threshold", Refusal.invalid("invalid-threshold", "threshold.invalid"));
        assertAnswer(400, "invalid-days", thrown(() -> DashboardWindow.of("0", null, Clock.fixed(NOW, ZoneOffset.UTC))));
        assertAnswer(400, "invalid-zone", thrown(() -> DashboardWindow.of("7", "Mars/Olympus", Clock.systemUTC())));
        assertAnswer(400, "invalid-action", thrown(() -> PolicyAction.named("deny")));
        assertAnswer(400, "invalid-limit", thrown(() -> TrailFilters.query(null, null, null, null, null, "0", null)));
        assertAnswer(400, "invalid-limit", thrown(() -> LogFilters.query(null, null, null, null, null, "0", null)));
    }

    @Test
    void what_is_not_the_callers_to_do_answers_403() {
        assertAnswer(403, "own-export", Refusal.forbidden("own-export", "export.own", 7L));
        assertAnswer(403, "not-requester", new NotTheRequester(7));
        assertAnswer(403, "blocked-by-policy", new ExportBlocked(7, terms(), null));
    }

    @Test
    void a_step_up_answers_401() {
        assertAnswer(401, "step-up-required", new StepUpRequired(terms(), Duration.ofMinutes(15)));
    }

    @Test
    void what_is_not_there_or_not_the_callers_to_see_answers_404_alike() {
        assertAnswer(404, "not-found", new ExportNotFound(7));
        assertAnswer(404, "not-found", Refusal.notFound("notice.not-found", 7L));
        assertAnswer(404, "not-found", Refusal.notFound("policy.not-found", 7L));
    }

    @Test
    void a_state_that_does_not_allow_it_answers_409_and_a_file_that_is_no_more_410() {
        assertAnswer(409, "still-processing", Refusal.conflict("still-processing", "export.still-running", 7L));
        assertAnswer(409, "no-file", Refusal.conflict("no-file", "export.no-file", 7L, Refusal.term("no-file.denied")));
        assertAnswer(409, "not-awaiting-approval", new ExportNotAwaitingApproval(7, "DENIED", "approved"));
        assertAnswer(409, "not-awaiting-approval", new ApprovalExpired(7, "approved"));
        assertAnswer(409, "not-in-progress", new ExportNotInProgress(7, "COMPLETED", "cancelled"));
        assertAnswer(410, "file-gone", Refusal.gone("file-gone", "export.file-gone", 7L, Refusal.term("file-gone.purged")));
    }

    private static void assertAnswer(int status, String error, Refusal refusal) {
        assertEquals(status, ApiErrors.status(refusal.kind()).getStatusCode(), refusal::getMessage);
        assertEquals(error, refusal.code(), refusal::getMessage);
    }

    private static Refusal thrown(Executable call) {
        return assertThrows(Refusal.class, call);
    }

    private static PolicyTerms terms() {
        return new PolicyTerms(4, PolicyAction.BLOCK, 1000, PolicyMeasure.RECORDS, null, null, null);
    }
}
