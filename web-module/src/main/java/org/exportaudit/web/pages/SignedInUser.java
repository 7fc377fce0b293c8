package org.exportaudit.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.exportaudit.identity.boundary.Callers;
import org.exportaudit.identity.entity.Caller;

/** The person using the pages: their name and application roles, as the header shows them. */
@Named
@RequestScoped
public class SignedInUser {

    @Inject
    Callers callers;

    private Caller caller;

    public Caller getCaller() {
        if (caller == null) {
            caller = callers.current();
        }
        return caller;
    }

    public String getRoles() {
        return String.join(", ", getCaller().roles());
    }
}
