package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GET /dashboard as a super admin's script reads it: the exports the test runs show up in the day's
 * records of their sources, in their user's line of the month's top exporters and in the large
 * count (by alice's own threshold), and nowhere else; the window is as many days as asked, days of
 * the zone asked for (UTC by default); a number
 * of days out of range is a 400 that says why; exporters and users without a role get 403, and a
 * call without a token 401.
 */
@AsksTheDatabase
@DeployedOnce
class DashboardApiIT {

    @Test
    void a_super_admin_sees_the_exports_of_the_test_in_the_aggregates() throws Exception {
        Api alice = Api.as("alice");
        Api bob = Api.as("bob");
        Api erin = Api.as("erin");
        JsonObject threshold = Api.json(alice.get("settings/large-export-threshold"));
        assertEquals(200, alice.put("settings/large-export-threshold", "{\"threshold\": 1}").statusCode());
        try {
            JsonObject before = dashboard(alice, "");
            JsonObject companies = bob.awaitEnd(bob.start("companies", "CSV"));
            JsonObject deals = erin.awaitEnd(erin.start("deals", "CSV"));
            assertEquals("COMPLETED", companies.getString("status"), companies.toString());
            assertEquals("COMPLETED", deals.getString("status"), deals.toString());
            long companyRecords = companies.getJsonNumber("records").longValue();
            long dealRecords = deals.getJsonNumber("records").longValue();

            JsonObject after = dashboard(alice, "");

            assertEquals(90, after.getInt("days"));
            assertEquals(1, after.getInt("threshold"), "alice's own threshold, the chart's line");
            List<String> sources = after.getJsonArray("sources").getValuesAs(JsonObject.class).stream()
                    .map(source -> source.getString("key") + "=" + source.getString("label")).toList();
            assertTrue(sources.containsAll(List.of("contacts=Contacts", "companies=Companies", "deals=Deals")),
                    sources.toString());
            LocalDate companiesDay = dayOf(companies);
            LocalDate dealsDay = dayOf(deals);
            assertEquals(recordsOn(before, companiesDay, "companies") + companyRecords,
                    recordsOn(after, companiesDay, "companies"), "bob's companies, on the day he asked");
            assertEquals(recordsOn(before, dealsDay, "deals") + dealRecords, recordsOn(after, dealsDay, "deals"),
                    "erin's deals");
            assertEquals(recordsOn(before, companiesDay, "contacts"), recordsOn(after, companiesDay, "contacts"),
                    "no contacts were exported");
            assertEquals(totalOn(before, companiesDay) + companyRecords + (dealsDay.equals(companiesDay) ? dealRecords : 0),
                    totalOn(after, companiesDay));

            assertEquals(top(before, "bob", "records") + companyRecords, top(after, "bob", "records"));
            assertEquals(top(before, "bob", "exports") + 1, top(after, "bob", "exports"));
            assertEquals(top(before, "erin", "records") + dealRecords, top(after, "erin", "records"));
            assertEquals(LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).toString(),
                    after.getJsonObject("topExporters").getString("from"));
            List<Long> records = after.getJsonObject("topExporters").getJsonArray("items").getValuesAs(JsonObject.class)
                    .stream().map(item -> item.getJsonNumber("records").longValue()).toList();
            assertEquals(records.stream().sorted(java.util.Comparator.reverseOrder()).toList(), records, "most first");

            assertEquals(count(before, "large") + 2, count(after, "large"), "both above alice's threshold of 1");
            assertEquals(count(before, "cancelled"), count(after, "cancelled"), "both completed");
            assertEquals(count(before, "failed"), count(after, "failed"), "both completed");
        } finally {
            alice.put("settings/large-export-threshold", "{\"threshold\": " + threshold.get("threshold") + "}");
        }
    }

    @Test
    void the_window_is_as_many_days_as_asked_ending_today() throws Exception {
        Api alice = Api.as("alice");
        for (int days : new int[] {1, 7, 366}) {
            JsonObject dashboard = dashboard(alice, "days=" + days);
            List<JsonObject> perDay = dashboard.getJsonArray("perDay").getValuesAs(JsonObject.class);
            assertEquals(days, perDay.size());
            assertEquals(dashboard.getString("to"), perDay.get(days - 1).getString("day"));
            assertEquals(dashboard.getString("from"), perDay.get(0).getString("day"));
            assertEquals(LocalDate.parse(dashboard.getString("to")).minusDays(days - 1L).toString(), dashboard.getString("from"));
        }
    }

    @Test
    void the_days_are_those_of_the_zone_asked_for() throws Exception {
        Api alice = Api.as("alice");
        JsonObject auckland = dashboard(alice, "days=1&zone=Pacific/Auckland");
        assertEquals("Pacific/Auckland", auckland.getString("zone"));
        assertEquals(LocalDate.now(java.time.ZoneId.of("Pacific/Auckland")).toString(), auckland.getString("to"));
        assertEquals("UTC", dashboard(alice, "").getString("zone"));

        HttpResponse<String> offset = alice.get("dashboard?zone=%2B02:00");
        assertEquals(400, offset.statusCode(), offset.body());
        assertEquals("invalid-zone", Api.json(offset).getString("error"));
    }

    @Test
    void days_out_of_range_is_a_400_that_says_why() throws Exception {
        Api alice = Api.as("alice");
        for (String days : List.of("0", "367", "-5", "abc", "2.5")) {
            HttpResponse<String> refused = alice.get("dashboard?days=" + days);
            assertEquals(400, refused.statusCode(), days + ": " + refused.body());
            JsonObject error = Api.json(refused);
            assertEquals("invalid-days", error.getString("error"));
            assertEquals("days must be a whole number from 1 to 366.", error.getString("message"));
        }
    }

    @Test
    void exporters_and_users_without_a_role_get_403_and_no_token_401() throws Exception {
        for (String user : List.of("bob", "carl")) {
            HttpResponse<String> refused = Api.as(user).get("dashboard");
            assertEquals(403, refused.statusCode(), user + ": " + refused.body());
            assertEquals("forbidden", Api.json(refused).getString("error"), refused.body());
        }
        assertEquals(401, Api.anonymous().get("dashboard").statusCode());
    }

    private static JsonObject dashboard(Api caller, String query) throws Exception {
        HttpResponse<String> response = caller.get("dashboard" + (query.isEmpty() ? "" : "?" + query));
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response);
    }

    private static LocalDate dayOf(JsonObject export) {
        return LocalDate.ofInstant(Instant.parse(export.getString("date")), ZoneOffset.UTC);
    }

    private static JsonObject day(JsonObject dashboard, LocalDate day) {
        return dashboard.getJsonArray("perDay").getValuesAs(JsonObject.class).stream()
                .filter(entry -> entry.getString("day").equals(day.toString())).findFirst().orElse(null);
    }

    /** A day's records of a source; 0 for a day before the window (the test ran across midnight). */
    private static long recordsOn(JsonObject dashboard, LocalDate day, String source) {
        JsonObject entry = day(dashboard, day);
        return entry == null ? 0 : entry.getJsonObject("bySource").getJsonNumber(source).longValue();
    }

    private static long totalOn(JsonObject dashboard, LocalDate day) {
        JsonObject entry = day(dashboard, day);
        return entry == null ? 0 : entry.getJsonNumber("total").longValue();
    }

    private static long top(JsonObject dashboard, String user, String figure) {
        return dashboard.getJsonObject("topExporters").getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(item -> item.getString("user").equals(user)).findFirst()
                .map(item -> item.getJsonNumber(figure).longValue()).orElse(0L);
    }

    private static long count(JsonObject dashboard, String what) {
        return dashboard.getJsonObject("counts").getJsonNumber(what).longValue();
    }
}
