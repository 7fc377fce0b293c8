package org.exportaudit.it;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.exportaudit.client.DecisionOutsideKeycloak;
import org.exportaudit.client.ExportAwaitingApproval;
import org.exportaudit.client.ExportBlocked;
import org.exportaudit.client.ExportNotFound;
import org.exportaudit.client.ExportNotInProgress;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.client.ExportRequest;
import org.exportaudit.client.ExportView;
import org.exportaudit.client.ExportsLocal;
import org.exportaudit.client.RecordedExport;
import org.exportaudit.client.StepUpRequired;

/**
 * A host application in a deployment of its own: it signs its users in with its own security
 * domain and calls Export Audit through the local EJB API, as the signed-in user.
 * {@code POST start?source&format}, {@code POST record?source&format&records},
 * {@code POST cancel?id}, {@code POST approve?id}, {@code POST deny?id}, {@code GET find?id}; under {@code /signed-in/} or {@code /anonymous/}.
 * Export policies' answers come back as {@code thrown} with what the exception carries.
 * {@code POST broken} makes a call that fails inside Export Audit (not a refusal); {@code GET internal}
 * tries each of Export Audit's internal beans by its java:global name and answers what happened.
 */
@WebServlet({"/signed-in/*", "/anonymous/*"})
public class HostApplication extends HttpServlet {

    @EJB(lookup = "java:global/export-audit/export-audit-host-api/HostExports!org.exportaudit.client.ExportsLocal")
    ExportsLocal exports;

    /** Export Audit's beans that only the container or Export Audit itself may call. */
    static final List<String> INTERNAL = List.of("Retention", "RetentionTimer", "MailSender", "MailOutbox",
            "OutboxTimer", "InterruptedExports", "DemoRecords", "SchemaMigrations");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(response, () -> switch (request.getPathInfo()) {
            case "/broken" -> unreadable();
            case "/start" -> exports.start(ExportRequest.of(request.getParameter("source"), request.getParameter("format")));
            case "/record" -> exports.record(new RecordedExport(request.getParameter("source"),
                    request.getParameter("format"), "host-" + request.getParameter("source"),
                    Long.parseLong(request.getParameter("records")), Instant.now()));
            case "/cancel" -> exports.cancel(Long.parseLong(request.getParameter("id")));
            case "/approve" -> exports.approve(Long.parseLong(request.getParameter("id")));
            case "/deny" -> exports.deny(Long.parseLong(request.getParameter("id")), "From the host.");
            default -> throw new IllegalArgumentException(request.getPathInfo());
        });
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/internal".equals(request.getPathInfo())) {
            JsonObjectBuilder outcomes = Json.createObjectBuilder();
            INTERNAL.forEach(bean -> outcomes.add(bean, tryToCall(bean)));
            response.setContentType("application/json");
            response.getWriter().write(outcomes.build().toString());
            return;
        }
        answer(response, () -> exports.find(Long.parseLong(request.getParameter("id"))));
    }

    /**
     * Looks the bean up as any deployment could, then calls each of its public methods (with
     * zero and null arguments): "not-found", "refused" when every call was refused,
     * "no-business-method" when the view offers none, or "called: ..." for what went through.
     */
    private static String tryToCall(String bean) {
        Object found;
        try {
            found = new InitialContext().lookup("java:global/export-audit/export-audit-ejb/" + bean);
        } catch (NamingException e) {
            return "not-found";
        }
        List<String> called = new ArrayList<>();
        int methods = 0;
        for (Class<?> type = found.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            if (type.getName().contains("$$")) {
                continue; // the proxy's own methods
            }
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                methods++;
                try {
                    method.invoke(found, Arrays.stream(method.getParameterTypes()).map(HostApplication::zero).toArray());
                    called.add(method.getName());
                } catch (InvocationTargetException e) {
                    if (!(e.getCause() instanceof EJBAccessException)) {
                        called.add(method.getName() + " (" + e.getCause() + ")");
                    }
                } catch (ReflectiveOperationException e) {
                    called.add(method.getName() + " (" + e + ")");
                }
            }
        }
        return methods == 0 ? "no-business-method" : called.isEmpty() ? "refused" : "called: " + called;
    }

    private static Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        return type.isPrimitive() ? (byte) 0 : null;
    }

    /**
     * A genuine failure inside Export Audit, not a refusal: an export whose row holds a policy's terms that
     * no code of Export Audit writes (they do not parse) cannot be read. Every input that could reach the
     * EJB API is refused before it does harm, so the row is spoiled from outside, read, and put right again
     * at once, before any other test reads the log.
     */
    private ExportView unreadable() {
        long id = exports.record(new RecordedExport("companies", "CSV", "broken", 1, Instant.now())).id();
        try {
            javax.sql.DataSource database = (javax.sql.DataSource) new InitialContext()
                    .lookup("java:jboss/datasources/ExportAuditDS");
            terms(database, id, "not the terms of a policy");
            try {
                return exports.find(id);
            } finally {
                terms(database, id, null);
            }
        } catch (NamingException | java.sql.SQLException e) {
            throw new IllegalStateException("The test could not spoil export " + id + "'s row", e);
        }
    }

    private static void terms(javax.sql.DataSource database, long id, String terms) throws java.sql.SQLException {
        try (java.sql.Connection connection = database.getConnection();
                java.sql.PreparedStatement update = connection.prepareStatement("UPDATE export SET policy_terms = ? WHERE id = ?")) {
            update.setString(1, terms);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    private interface Call {
        ExportView run();
    }

    private static void answer(HttpServletResponse response, Call call) throws IOException {
        int status;
        JsonObjectBuilder body = Json.createObjectBuilder();
        try {
            ExportView export = call.run();
            status = 200;
            body.add("id", export.id()).add("user", export.user()).add("status", export.status())
                    .add("name", export.fileName());
            if (export.records() != null) {
                body.add("records", export.records());
            }
        } catch (EJBAccessException refused) {
            status = 403;
        } catch (DecisionOutsideKeycloak refused) {
            status = 403;
            body.add("thrown", "DecisionOutsideKeycloak");
        } catch (ExportNotFound missing) {
            status = 404;
        } catch (ExportRefused refused) {
            status = 400;
        } catch (ExportNotInProgress ended) {
            status = 409;
        } catch (ExportAwaitingApproval waiting) { // the export policies' answers, as the host API documents them
            status = 202;
            body.add("thrown", "ExportAwaitingApproval").add("id", waiting.export().id())
                    .add("status", waiting.export().status()).add("policy", waiting.export().policy());
        } catch (ExportBlocked blocked) {
            status = 403;
            body.add("thrown", "ExportBlocked").add("id", blocked.exportId()).add("policy", blocked.policy())
                    .add("limit", blocked.limit()).add("message", blocked.getMessage());
        } catch (StepUpRequired stepUp) {
            status = 401;
            body.add("thrown", "StepUpRequired").add("maxAge", stepUp.maxAge().toString());
        } catch (EJBException failed) {
            status = 500;
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write(body.add("status-code", status).build().toString());
    }
}
