package org.exportaudit.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Export policies that a test sets up through the REST API, as alice (a super admin), and removes
 * when it ends: a policy left behind would govern the exports of every test after it.
 */
final class Policies {

    private final List<Long> created = new ArrayList<>();

    /** Creates the policy, failing unless it was; answers it as the API shows it (id, description). */
    JsonObject create(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = Api.as("alice").post("policies", json);
        if (response.statusCode() != 201) {
            throw new AssertionError("policy refused: " + response.statusCode() + " " + response.body());
        }
        JsonObject policy = Api.json(response);
        created.add(policy.getJsonNumber("id").longValue());
        return policy;
    }

    /** Removes every policy created here. */
    void removeAll() throws IOException, InterruptedException {
        Api alice = Api.as("alice");
        for (long id : created) {
            HttpResponse<String> removed = alice.delete("policies/" + id);
            if (removed.statusCode() != 204 && removed.statusCode() != 404) {
                throw new AssertionError("policy " + id + " not removed: " + removed.statusCode() + " " + removed.body());
            }
        }
        created.clear();
    }
}
