package org.exportaudit.web.api;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.exportaudit.dashboard.boundary.ExportDashboard;
import org.exportaudit.dashboard.entity.Dashboard;
import org.exportaudit.dashboard.entity.DayVolume;
import org.exportaudit.dashboard.entity.TopExporter;

/**
 * The aggregates the dashboard's charts draw (super admins; the boundary checks the role):
 * <pre>{@code {days, zone, from, to, threshold, sources: [{key, label}],
 *  perDay: [{day, total, bySource: {contacts: n, …}}],
 *  topExporters: {from, items: [{user, records, exports}]},
 *  counts: {large, cancelled, failed}}}</pre>
 * Days are those of {@code zone} (an IANA name, UTC unless given); {@code threshold} and {@code counts.large} are null when the caller's
 * large-export notifications are off.
 */
@Path("dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    ExportDashboard dashboard;

    @GET
    public JsonObject dashboard(@QueryParam("days") String days, @QueryParam("zone") String zone) {
        Dashboard read = dashboard.of(days, zone);
        JsonArrayBuilder sources = JSON.createArrayBuilder();
        read.sources().forEach((key, label) -> sources.add(JSON.createObjectBuilder().add("key", key).add("label", label)));
        JsonArrayBuilder perDay = JSON.createArrayBuilder();
        for (DayVolume day : read.days()) {
            JsonObjectBuilder bySource = JSON.createObjectBuilder();
            day.bySource().forEach(bySource::add);
            perDay.add(JSON.createObjectBuilder().add("day", day.day().toString()).add("total", day.total())
                    .add("bySource", bySource));
        }
        JsonArrayBuilder top = JSON.createArrayBuilder();
        for (TopExporter exporter : read.topExporters()) {
            top.add(JSON.createObjectBuilder().add("user", exporter.user()).add("records", exporter.records())
                    .add("exports", exporter.exports()));
        }
        JsonObjectBuilder counts = JSON.createObjectBuilder().add("cancelled", read.cancelled()).add("failed", read.failed());
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("days", read.window().days())
                .add("zone", read.window().zone().getId())
                .add("from", read.window().from().toString())
                .add("to", read.window().today().toString());
        if (read.threshold() == null) {
            body.addNull("threshold");
            counts.addNull("large");
        } else {
            body.add("threshold", read.threshold());
            counts.add("large", read.large());
        }
        return body.add("sources", sources)
                .add("perDay", perDay)
                .add("topExporters", JSON.createObjectBuilder().add("from", read.window().monthFrom().toString())
                        .add("items", top))
                .add("counts", counts)
                .build();
    }
}
