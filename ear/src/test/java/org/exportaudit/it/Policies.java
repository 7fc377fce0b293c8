package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Export policies a test sets through the API as a super admin (alice unless it says), and removes
 * when it ends: the tests share one server, and a policy left behind would govern the next test's
 * exports.
 */
final class Policies {

    private Api admin;
    private final List<Long> added = new ArrayList<>();

    /** Policies set by alice. */
    Policies() {
    }

    Policies(Api admin) {
        this.admin = admin;
    }

    /** Adds a policy ({@code json} as POST /policies takes it), failing unless it was created; answers its id. */
    long add(String json) throws Exception {
        return create(json).getJsonNumber("id").longValue();
    }

    /** Adds a policy, failing unless it was created; answers it as the API shows it (id, description). */
    JsonObject create(String json) throws Exception {
        HttpResponse<String> created = admin().post("policies", json);
        assertEquals(201, created.statusCode(), json + " → " + created.body());
        JsonObject policy = Api.json(created);
        added.add(policy.getJsonNumber("id").longValue());
        return policy;
    }

    /** A policy the test created itself, to be removed with the others. */
    void remember(long id) {
        added.add(id);
    }

    /** The description the API gives the policy, as exports it decided on show it. */
    String description(long id) throws Exception {
        return DemoRealm.jsonArray(admin().get("policies").body()).getValuesAs(JsonObject.class).stream()
                .filter(policy -> policy.getJsonNumber("id").longValue() == id)
                .map(policy -> policy.getString("description"))
                .findFirst().orElseThrow(() -> new AssertionError("no policy " + id));
    }

    /** Removes every policy this test added that is still there. */
    void removeAll() throws Exception {
        for (long id : added) {
            int status = admin().delete("policies/" + id).statusCode();
            if (status != 204 && status != 404) {
                throw new AssertionError("policy " + id + " not removed: " + status);
            }
        }
        added.clear();
    }

    private Api admin() throws Exception {
        if (admin == null) {
            admin = Api.as("alice");
        }
        return admin;
    }
}
