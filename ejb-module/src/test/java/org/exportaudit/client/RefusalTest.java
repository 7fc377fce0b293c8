package org.exportaudit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A refusal says why in English as host applications and scripts have always read it, and in
 * Swedish for those who ask; a language the texts are not written in reads English. (The bundle's
 * completeness is the web module's MessagesTest: the keys are used on both sides.)
 */
class RefusalTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @Test
    void english_is_what_host_applications_and_scripts_have_always_read() {
        ExportRefused unsafe = new ExportRefused("invalid-file-name", "invalid-file-name.unsafe", "../x.csv");
        assertEquals("'../x.csv' is not a safe file name: use letters, digits, spaces and . _ - ( ), without"
                + " slashes, '..' or a leading dot or dash.", unsafe.getMessage());
        assertEquals(unsafe.getMessage(), unsafe.message(Locale.ENGLISH));
        assertEquals("Export 12345 is COMPLETED, not in progress: it cannot be cancelled.",
                new ExportNotInProgress(12345, "COMPLETED", "cancelled").getMessage());
        assertEquals("The file of export 7 cannot be downloaded: files are kept for a limited time after their"
                + " export completed, and this one's time is over.", fileGone(7, "file-gone.purged").getMessage());
        assertEquals("The filters may have at most 4000 characters together (as the JSON object they are kept as);"
                + " these have 4321.", new ExportRefused("filters-too-long", "export.filters-too-long", 4000, 4321)
                        .getMessage());
        assertEquals("#1 Password again from 1,000 records of any source: sign in again with your password (within"
                + " the last 15 minutes) to export this.",
                new StepUpRequired(new PolicyTerms(1, PolicyAction.STEP_UP, 1000, PolicyMeasure.RECORDS, null, null, null), Duration.ofMinutes(15))
                        .getMessage());
    }

    @Test
    void swedish_says_it_as_a_swedish_admin_would() {
        ExportRefused unsafe = new ExportRefused("invalid-file-name", "invalid-file-name.unsafe", "../x.csv");
        assertEquals("Filnamnet '../x.csv' är inte säkert: använd bokstäver, siffror, mellanslag och . _ - ( ), utan"
                + " snedstreck, '..' eller inledande punkt eller bindestreck.", unsafe.message(SWEDISH));
        assertEquals("Export 12345 har status Klar och pågår inte: den kan inte avbrytas.",
                new ExportNotInProgress(12345, "COMPLETED", "cancelled").message(SWEDISH));
        assertEquals("Filen till export 7 kan inte laddas ner: exporten avbröts.",
                fileGone(7, "file-gone.cancelled").message(Locale.forLanguageTag("sv-SE")));
    }

    @Test
    void a_language_the_texts_are_not_written_in_reads_english_whatever_the_server_speaks() {
        Locale server = Locale.getDefault();
        try {
            Locale.setDefault(SWEDISH);
            assertEquals("No export 3.", new ExportNotFound(3).message(Locale.GERMAN));
            assertEquals("No export 3.", new ExportNotFound(3).getMessage());
        } finally {
            Locale.setDefault(server);
        }
    }

    @Test
    void a_refusal_names_its_policy_in_the_callers_language() {
        ExportBlocked blocked = new ExportBlocked(9, new PolicyTerms(4, PolicyAction.BLOCK, 1_000_000, PolicyMeasure.RECORDS, "contacts", null,
                null), null);

        assertEquals("An export policy blocks this export: #4 Blocked from 1,000,000 records of contacts.",
                blocked.getMessage());
        assertEquals("En exportpolicy stoppar den här exporten: #4 Blockering från 1\u00a0000\u00a0000 poster ur contacts.",
                blocked.message(Locale.forLanguageTag("sv")));
        assertEquals(4, blocked.policyId());
        assertEquals(1_000_000, blocked.limit());
    }

    @Test
    void the_host_apis_refusals_keep_their_types_and_say_their_kind_and_code() {
        ExportRefused unsafe = new ExportRefused("invalid-file-name", "invalid-file-name.unsafe", "x");
        assertKind(Refusal.Kind.INVALID, "invalid-file-name", unsafe);
        assertEquals("invalid-file-name", unsafe.reason());
        assertKind(Refusal.Kind.NOT_FOUND, "not-found", new ExportNotFound(3));
        assertKind(Refusal.Kind.CONFLICT, "not-in-progress", new ExportNotInProgress(3, "COMPLETED", "cancelled"));
        assertKind(Refusal.Kind.CONFLICT, "not-awaiting-approval", new ExportNotAwaitingApproval(3, "DENIED", "approved"));
        assertKind(Refusal.Kind.CONFLICT, "not-awaiting-approval", new ApprovalExpired(3, "approved"));
        assertKind(Refusal.Kind.FORBIDDEN, "not-requester", new NotTheRequester(3));
        assertKind(Refusal.Kind.FORBIDDEN, "decision-outside-keycloak", new DecisionOutsideKeycloak(3));
        PolicyTerms terms = new PolicyTerms(4, PolicyAction.BLOCK, 10, PolicyMeasure.RECORDS, null, null, null);
        assertKind(Refusal.Kind.FORBIDDEN, "blocked-by-policy", new ExportBlocked(9, terms, null));
        assertKind(Refusal.Kind.UNAUTHENTICATED, "step-up-required", new StepUpRequired(terms, Duration.ofMinutes(5)));
    }

    /**
     * Whether a refusal rolls the caller's transaction back is the EJB container's reading of its class: a
     * refusal changes nothing, except the three that commit what they report (the blocked attempt, the
     * step-up's audit record, the expiry).
     */
    @Test
    void only_the_refusals_that_report_what_they_did_commit() {
        assertEquals(true, rollback(Refusal.class));
        for (Class<?> refusal : java.util.List.of(ExportRefused.class, ExportNotFound.class, ExportNotInProgress.class,
                ExportNotAwaitingApproval.class, NotTheRequester.class, DecisionOutsideKeycloak.class)) {
            assertEquals(true, rollback(refusal), refusal.getSimpleName());
        }
        for (Class<?> commits : java.util.List.of(ExportBlocked.class, StepUpRequired.class, ApprovalExpired.class)) {
            assertEquals(false, rollback(commits), commits.getSimpleName());
        }
    }

    private static Refusal fileGone(long id, String why) {
        return Refusal.gone("file-gone", "export.file-gone", id, Refusal.term(why));
    }

    private static boolean rollback(Class<?> refusal) {
        return refusal.getAnnotation(jakarta.ejb.ApplicationException.class).rollback();
    }

    private static void assertKind(Refusal.Kind kind, String code, Refusal refusal) {
        assertEquals(kind, refusal.kind(), refusal.getClass().getSimpleName());
        assertEquals(code, refusal.code(), refusal.getClass().getSimpleName());
    }
}
