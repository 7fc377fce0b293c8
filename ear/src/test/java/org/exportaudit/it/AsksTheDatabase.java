package org.exportaudit.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class whose promises rest on SQL that may answer differently on H2 and on PostgreSQL: its
 * queries, locks, column types and lengths, paging, the job repository's and the timer store's rows.
 * Every test runs on H2; {@code -Ppostgresql} runs only these (the tag {@value #TAG}), so that what
 * asks nothing of the database (pages, sign-in, languages, server configuration, SIEM framing,
 * restarts) does not run twice.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag(AsksTheDatabase.TAG)
@interface AsksTheDatabase {

    String TAG = "database";
}
