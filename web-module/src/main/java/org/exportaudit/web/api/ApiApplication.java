package org.exportaudit.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, versioned in its path so that scripts written against v1 keep working. */
@ApplicationPath("api/v1")
public class ApiApplication extends Application {
}
