package org.exportaudit.web.pages;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.exportaudit.dashboard.boundary.ExportDashboard;
import org.exportaudit.dashboard.entity.Dashboard;
import org.exportaudit.dashboard.entity.DayVolume;
import org.exportaudit.dashboard.entity.TopExporter;

/**
 * The dashboard page (super admins): the boundary's aggregates as Chart.js configurations for
 * PrimeFaces' {@code p:chart} (PrimeFaces 15 draws every chart type with it: the older
 * {@code p:barChart} and its Java models are gone), and as the tables and counts that say the same
 * in text. The configurations are JSON-P objects rather than a chart model library's: a few keys,
 * and no library to bundle beside the one JSON provider of the server.
 */
@Named
@RequestScoped
public class DashboardPage {

    /** One colour per source, in the order the sources are declared; readable on white, told apart without red/green. */
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#17becf", "#7f7f7f"};
    private static final String THRESHOLD_COLOUR = "#d62728";

    @Inject
    ExportDashboard dashboards;

    @Inject
    ViewerTime viewer;

    @Inject
    SourceLabels sourceLabels;

    private Dashboard read;

    public Dashboard getData() {
        if (read == null) {
            // an offset is no zone name (the boundary refuses it): the viewer's days are then UTC's
            ZoneId zone = viewer.getZone();
            read = dashboards.of(null, zone instanceof ZoneOffset ? "UTC" : zone.getId());
        }
        return read;
    }

    /** The days that had completed exports, newest first: the daily chart as a table. */
    public List<DayVolume> getBusyDays() {
        List<DayVolume> busy = new ArrayList<>(getData().days().stream().filter(day -> day.total() > 0).toList());
        Collections.reverse(busy);
        return busy;
    }

    /** The sources the daily chart stacks, key and label, in its order: the table's columns. */
    public List<Map.Entry<String, String>> getSources() {
        return new ArrayList<>(getData().sources().entrySet());
    }

    /** What the daily chart shows, for whoever does not see it: its accessible name. */
    public String getDailyAria() {
        Dashboard data = getData();
        String chart = Texts.of("dashboard.daily.aria", data.window().from(), data.window().today(),
                data.days().stream().mapToLong(DayVolume::total).sum());
        return data.threshold() == null ? chart : chart + " " + Texts.of("dashboard.daily.thresholdAria", data.threshold());
    }

    public String getTopAria() {
        return Texts.of("dashboard.top.aria", getData().window().monthFrom());
    }

    /** Records per day, stacked by source, with the reader's threshold as a line across (when set). */
    public String getDailyChart() {
        Dashboard data = getData();
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        data.days().forEach(day -> labels.add(day.day().toString()));
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        int colour = 0;
        for (Map.Entry<String, String> source : data.sources().entrySet()) {
            JsonArrayBuilder records = JSON.createArrayBuilder();
            data.days().forEach(day -> records.add(day.bySource().get(source.getKey())));
            datasets.add(JSON.createObjectBuilder().add("type", "bar").add("label", sourceLabels.labelOf(source.getKey()))
                    .add("data", records).add("stack", "records")
                    .add("backgroundColor", COLOURS[colour++ % COLOURS.length]));
        }
        if (data.threshold() != null) {
            JsonArrayBuilder line = JSON.createArrayBuilder();
            data.days().forEach(day -> line.add(data.threshold()));
            // A stack of its own: the line stays at the threshold instead of sitting on top of the bars
            datasets.add(JSON.createObjectBuilder().add("type", "line")
                    .add("label", Texts.of("dashboard.threshold.line", data.threshold()))
                    .add("data", line).add("stack", "threshold").add("borderColor", THRESHOLD_COLOUR)
                    .add("borderDash", JSON.createArrayBuilder().add(6).add(4)).add("pointRadius", 0).add("fill", false));
        }
        return config("bar", labels, datasets, JSON.createObjectBuilder()
                .add("x", JSON.createObjectBuilder().add("stacked", true))
                .add("y", JSON.createObjectBuilder().add("stacked", true).add("beginAtZero", true)));
    }

    /** The month's top exporters, one horizontal bar each. */
    public String getTopChart() {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder records = JSON.createArrayBuilder();
        for (TopExporter exporter : getData().topExporters()) {
            labels.add(exporter.user());
            records.add(exporter.records());
        }
        JsonArrayBuilder datasets = JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                .add("label", Texts.of("dashboard.table.records")).add("data", records).add("backgroundColor", COLOURS[0]));
        JsonObjectBuilder config = JSON.createObjectBuilder().add("indexAxis", "y");
        return config("bar", labels, datasets, JSON.createObjectBuilder()
                .add("x", JSON.createObjectBuilder().add("beginAtZero", true)), config);
    }

    private static String config(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, JsonObjectBuilder scales) {
        return config(type, labels, datasets, scales, JSON.createObjectBuilder());
    }

    private static String config(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, JsonObjectBuilder scales,
            JsonObjectBuilder options) {
        JsonObject config = JSON.createObjectBuilder()
                .add("type", type)
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options.add("responsive", true).add("maintainAspectRatio", false)
                        .add("animation", false).add("scales", scales))
                .build();
        // The configuration is written into a script element: a user or source name holding "</script>"
        // must not end it. '<' only occurs inside JSON strings, where \u003c means the same.
        return config.toString().replace("<", "\\u003c");
    }

}
