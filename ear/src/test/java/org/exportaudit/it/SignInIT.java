package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Signing in and out in a real browser, through Keycloak's own login page. */
@DeployedOnce
class SignInIT {

    @Test
    void an_exporter_signs_in_sees_their_name_and_role_and_signs_out() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(DemoRealm.APP.toString());
            assertTrue(browser.url().startsWith(DemoRealm.KEYCLOAK), "sent to Keycloak: " + browser.url());

            browser.signInOnKeycloak("bob");

            assertEquals("bob", browser.text(By.id("username")));
            assertEquals("export", browser.text(By.id("roles")));
            assertEquals("bob", browser.text(By.id("signed-in-as")));

            browser.click(By.id("sign-out"));
            assertEquals("You are signed out", browser.text(By.id("signed-out")));

            // The Keycloak session ended too: coming back asks for the password again.
            browser.open(DemoRealm.APP.toString());
            browser.signInOnKeycloak("erin");
            assertEquals("erin", browser.text(By.id("username")));
        }
    }

    @Test
    void a_super_admin_sees_both_roles() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(DemoRealm.APP.toString());
            browser.signInOnKeycloak("sam");

            assertEquals("sam", browser.text(By.id("username")));
            assertEquals("super-admin, export", browser.text(By.id("roles")));
        }
    }

    @Test
    void a_user_without_a_role_signs_in_and_is_told_there_is_no_access() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(DemoRealm.APP.toString());
            browser.signInOnKeycloak("carl");

            assertEquals("No access", browser.text(By.id("no-access")));
            assertEquals("carl", browser.text(By.id("signed-in-as")));
        }
    }
}
