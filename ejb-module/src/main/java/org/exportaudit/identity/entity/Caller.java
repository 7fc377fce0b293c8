package org.exportaudit.identity.entity;

import java.util.List;

/** Who is calling: the signed-in user's name and the application roles they hold. */
public record Caller(String username, List<String> roles) {

    public Caller {
        roles = List.copyOf(roles);
    }
}
