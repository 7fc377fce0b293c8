package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Export policies a test sets through the API as a super admin, and removes when it ends: the tests
 * share one server, and a policy left behind would govern the next test's exports.
 */
final class Policies {

    private final Api admin;
    private final List<Long> added = new ArrayList<>();

    Policies(Api admin) {
        this.admin = admin;
    }

    /** Adds a policy ({@code json} as POST /policies takes it), failing unless it was created; answers its id. */
    long add(String json) throws Exception {
        HttpResponse<String> created = admin.post("policies", json);
        assertEquals(201, created.statusCode(), json + " → " + created.body());
        long id = Api.json(created).getJsonNumber("id").longValue();
        added.add(id);
        return id;
    }

    /** A policy the test created itself, to be removed with the others. */
    void remember(long id) {
        added.add(id);
    }

    /** The description the API gives the policy, as exports it decided on show it. */
    String description(long id) throws Exception {
        return DemoRealm.jsonArray(admin.get("policies").body()).getValuesAs(JsonObject.class).stream()
                .filter(policy -> policy.getJsonNumber("id").longValue() == id)
                .map(policy -> policy.getString("description"))
                .findFirst().orElseThrow(() -> new AssertionError("no policy " + id));
    }

    /** Removes every policy this test added that is still there. */
    void removeAll() throws Exception {
        for (long id : added) {
            int status = admin.delete("policies/" + id).statusCode();
            if (status != 204 && status != 404) {
                throw new AssertionError("policy " + id + " not removed: " + status);
            }
        }
        added.clear();
    }
}
