package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A separate deployment, a host application with users of its own (ApplicationDomain, see
 * prepare-it-server.sh), uses the EJB API: as its signed-in user, with the same role rules as the
 * REST API, and what it starts or records is in the same export log. Export Audit's internal
 * beans are out of its reach, and its refusals do not fill the server log with errors.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostApplicationIT {

    private static final URI HOST = DemoRealm.APP.resolve("/host-application/");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(name = "export-audit", order = 1, testable = false)
    static EnterpriseArchive exportAudit() {
        return ExportAuditEar.asBuilt();
    }

    @Deployment(name = "host-application", order = 2, testable = false)
    static WebArchive hostApplication() {
        return ShrinkWrap.create(WebArchive.class, "host-application.war")
                .addClass(HostApplication.class)
                .addAsWebInfResource(new StringAsset("""
                        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                          <security-constraint>
                            <web-resource-collection>
                              <web-resource-name>signed-in</web-resource-name>
                              <url-pattern>/signed-in/*</url-pattern>
                            </web-resource-collection>
                            <auth-constraint><role-name>**</role-name></auth-constraint>
                          </security-constraint>
                          <login-config><auth-method>BASIC</auth-method></login-config>
                        </web-app>"""), "web.xml")
                .addAsWebInfResource(new StringAsset("""
                        <jboss-deployment-structure>
                          <deployment>
                            <dependencies>
                              <module name="deployment.export-audit.ear.export-audit-ejb.jar"/>
                            </dependencies>
                          </deployment>
                        </jboss-deployment-structure>"""), "jboss-deployment-structure.xml");
    }

    @Test
    void an_exporter_starts_an_export_that_completes_in_the_export_log() throws Exception {
        JsonObject started = host("bob", "POST", "start?source=companies&format=CSV");

        assertEquals(200, started.getInt("status-code"), started.toString());
        assertEquals("bob", started.getString("user"));
        assertEquals("PROCESSING", started.getString("status"));
        JsonObject completed = Api.as("bob").awaitEnd(started.getJsonNumber("id").longValue());
        assertEquals("COMPLETED", completed.getString("status"), completed.toString());
        assertEquals("bob", completed.getString("user"));
    }

    @Test
    void an_export_the_host_performed_is_recorded_as_the_callers() throws Exception {
        JsonObject recorded = host("erin", "POST", "record?source=deals&format=XLSX&records=4200");

        assertEquals(200, recorded.getInt("status-code"), recorded.toString());
        JsonObject inLog = Api.json(Api.as("erin").get("exports/" + recorded.getJsonNumber("id")));
        assertEquals("erin", inLog.getString("user"));
        assertEquals("COMPLETED", inLog.getString("status"));
        assertEquals(4200, inLog.getJsonNumber("records").longValue());
        assertEquals("host-deals.xlsx", inLog.getString("name"));
    }

    @Test
    void callers_see_exactly_what_their_roles_allow() throws Exception {
        long erins = host("erin", "POST", "start?source=companies&format=CSV").getJsonNumber("id").longValue();

        assertEquals(404, host("bob", "GET", "find?id=" + erins).getInt("status-code"), "bob never sees erin's export");
        assertEquals(200, host("alice", "GET", "find?id=" + erins).getInt("status-code"), "a super admin sees it");
        assertEquals(403, host("bob", "POST", "cancel?id=" + erins).getInt("status-code"), "only super admins cancel");
        assertEquals(403, host("carl", "POST", "start?source=companies&format=CSV").getInt("status-code"));
        assertEquals(400, host("bob", "POST", "start?source=salaries&format=CSV").getInt("status-code"));
    }

    @Test
    void an_anonymous_call_is_refused() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest
                .newBuilder(HOST.resolve("anonymous/start?source=companies&format=CSV"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(403, response.statusCode(), response.body());
    }

    @Test
    void a_super_admin_cancels_through_the_api_and_an_ended_export_answers_conflict() throws Exception {
        long id = host("bob", "POST", "start?source=contacts&format=XLSX").getJsonNumber("id").longValue();

        JsonObject cancelled = host("alice", "POST", "cancel?id=" + id);

        assertEquals(200, cancelled.getInt("status-code"), "100,000 contacts take longer than this: " + cancelled);
        assertEquals("CANCELLED", cancelled.getString("status"));
        assertEquals("CANCELLED", Api.json(Api.as("bob").get("exports/" + id)).getString("status"));
        assertEquals(409, host("alice", "POST", "cancel?id=" + id).getInt("status-code"));
    }

    @Test
    void no_internal_bean_of_export_audit_can_be_called_by_another_deployment() throws Exception {
        JsonObject outcomes = host("alice", "GET", "internal");

        for (String bean : HostApplication.INTERNAL) {
            String outcome = outcomes.getString(bean);
            assertTrue(Set.of("not-found", "refused", "no-business-method").contains(outcome),
                    bean + " must not be callable by a super admin of another deployment: " + outcomes);
        }
    }

    @Test
    void a_refused_call_is_logged_once_at_info_without_a_stack_trace_and_a_failure_still_as_an_error()
            throws Exception {
        long erins = host("erin", "POST", "start?source=companies&format=CSV").getJsonNumber("id").longValue();
        ServerLog log = ServerLog.fromNow();

        assertEquals(403, host("bob", "POST", "cancel?id=" + erins).getInt("status-code"));
        assertEquals(403, host("carl", "POST", "start?source=companies&format=CSV").getInt("status-code"));
        assertEquals(403, Api.as("bob").post("exports/" + erins + "/cancel", "{}").statusCode(), "through the REST API");

        String denials = log.await(logged -> ServerLog.count(logged, "Denied: ") >= 3, "three denials");
        assertEquals(3, ServerLog.count(denials, "Denied: "), denials);
        // other lines at INFO may come between them (the server goes on with other tests' exports)
        assertEquals(3, denials.lines().filter(line -> line.contains("Denied: ") && line.contains(" INFO ")).count(),
                "each denial once, at INFO: " + denials);
        assertFalse(denials.contains("WFLYEJB0034"), denials);
        assertFalse(denials.contains("EJBAccessException"), "no stack trace: " + denials);

        assertEquals(500, host("bob", "POST", "broken").getInt("status-code"));
        String failure = log.await(logged -> logged.contains("WFLYEJB0034"), "the failure");
        assertTrue(failure.lines().anyMatch(line -> line.contains("ERROR") && line.contains("WFLYEJB0034")), failure);
        assertTrue(failure.contains("\tat "), "with its stack trace: " + failure);
    }

    /** Calls the host application as one of its users (their password: name + "-host-1"). */
    static JsonObject host(String user, String method, String path) throws Exception {
        String credentials = Base64.getEncoder()
                .encodeToString((user + ":" + user + "-host-1").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(HOST.resolve("signed-in/" + path))
                .header("Authorization", "Basic " + credentials)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        return DemoRealm.json(response.body());
    }
}
